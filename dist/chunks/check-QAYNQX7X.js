import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-MQHHI3B7.js";
import "./chunk-RMJZCSG5.js";
import "./chunk-225S546J.js";
import "./chunk-SBDOVNIX.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
