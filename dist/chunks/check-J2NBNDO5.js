import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-HWNLVG6N.js";
import "./chunk-CUVSCE7A.js";
import "./chunk-VEOPMKKZ.js";
import "./chunk-YSWOYGWA.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
