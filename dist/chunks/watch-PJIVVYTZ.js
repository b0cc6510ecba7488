import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-XAPLJRSV.js";
import "./chunk-ZGPLN77C.js";
import "./chunk-OAUA36LD.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
