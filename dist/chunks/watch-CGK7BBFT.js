import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-76QRNCRB.js";
import "./chunk-225S546J.js";
import "./chunk-SBDOVNIX.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
