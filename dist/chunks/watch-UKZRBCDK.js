import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-Z64GMOKO.js";
import "./chunk-MH6PMCU3.js";
import "./chunk-XTQKZYJQ.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
