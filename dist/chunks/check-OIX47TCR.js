import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-5VLZVI26.js";
import "./chunk-ZCB36TB5.js";
import "./chunk-VVK2BAB3.js";
import "./chunk-HCLCMQB6.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
