import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-LUM2GAHQ.js";
import "./chunk-L4MGCAA5.js";
import "./chunk-EJOYM2BP.js";
import "./chunk-KX43EIU5.js";
export {
  rewriteShadows,
  watchSite
};
