import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_PACKAGE_LAYOUTS,
  InitError,
  initSite,
  planMounts,
  sameMounts
} from "./chunk-2H3OP243.js";
import "./chunk-AABEZPWO.js";
import "./chunk-KX43EIU5.js";
export {
  DEFAULT_PACKAGE_LAYOUTS,
  InitError,
  initSite,
  planMounts,
  sameMounts
};
