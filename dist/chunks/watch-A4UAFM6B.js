import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-5ONV4L6U.js";
import "./chunk-W2NOKXTB.js";
import "./chunk-CGMSMB5R.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
