import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-2TXKMQ6M.js";
import "./chunk-RMJZCSG5.js";
import "./chunk-5LH2HEOU.js";
import "./chunk-SBDOVNIX.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
