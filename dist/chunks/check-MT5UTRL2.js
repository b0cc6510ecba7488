import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-I22W3AGE.js";
import "./chunk-UEXCOD5H.js";
import "./chunk-ZJKVIJYB.js";
import "./chunk-WG73JDZI.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
