import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-A6HRAEX6.js";
import "./chunk-U4R2RHWJ.js";
import "./chunk-NVRBSTL2.js";
import "./chunk-SRJINQU7.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
