import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  rewriteShadows,
  watchSite
} from "./chunk-US4OPJ2X.js";
import "./chunk-VVK2BAB3.js";
import "./chunk-HCLCMQB6.js";
import "./chunk-4NMVV5T6.js";
export {
  rewriteShadows,
  watchSite
};
