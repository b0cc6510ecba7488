import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-X2XDQXHD.js";
import "./chunk-4QUQZY4B.js";
import "./chunk-ZW66OMFU.js";
import "./chunk-EJOYM2BP.js";
import "./chunk-KX43EIU5.js";
export {
  checkSite,
  formatCheck
};
