import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  DEFAULT_PACKAGE_LAYOUTS,
  InitError,
  initSite,
  planMounts,
  sameMounts
} from "./chunk-T7CE7I73.js";
import "./chunk-AABEZPWO.js";
import "./chunk-4NMVV5T6.js";
export {
  DEFAULT_PACKAGE_LAYOUTS,
  InitError,
  initSite,
  planMounts,
  sameMounts
};
