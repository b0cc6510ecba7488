import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-IMPME7QI.js";
import "./chunk-VEOPMKKZ.js";
import "./chunk-YSWOYGWA.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
