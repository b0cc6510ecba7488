import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-H3UVT72I.js";
import "./chunk-APZ2QXOQ.js";
import "./chunk-WG73JDZI.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
