import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-7NZB7KOA.js";
import "./chunk-ZW66OMFU.js";
import "./chunk-EJOYM2BP.js";
import "./chunk-KX43EIU5.js";
export {
  rewriteShadows,
  watchSite
};
