import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-RXEWXV42.js";
import "./chunk-ZJKVIJYB.js";
import "./chunk-WG73JDZI.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
