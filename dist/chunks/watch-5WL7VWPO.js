import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-UM7H6PEK.js";
import "./chunk-NVRBSTL2.js";
import "./chunk-SRJINQU7.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
