import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-PTN7N3TN.js";
import "./chunk-QY5IWVNK.js";
import "./chunk-7M3KRC4G.js";
import "./chunk-CGMSMB5R.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
