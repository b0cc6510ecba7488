import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-4A7KUHBO.js";
import "./chunk-7M3KRC4G.js";
import "./chunk-CGMSMB5R.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
