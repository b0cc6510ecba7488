import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-LXAMYQ6S.js";
import "./chunk-GMEPD6LX.js";
import "./chunk-APZ2QXOQ.js";
import "./chunk-WG73JDZI.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
