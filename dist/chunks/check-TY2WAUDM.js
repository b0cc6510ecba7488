import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-4QU4HBEP.js";
import "./chunk-QY5IWVNK.js";
import "./chunk-W2NOKXTB.js";
import "./chunk-CGMSMB5R.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
