import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-25YAVT7M.js";
import "./chunk-L4ZWF4TM.js";
import "./chunk-WCUVADL5.js";
import "./chunk-OAUA36LD.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
