import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-BP5X5ZLR.js";
import "./chunk-5LH2HEOU.js";
import "./chunk-SBDOVNIX.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
