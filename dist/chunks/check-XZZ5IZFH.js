import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  checkSite,
  formatCheck
} from "./chunk-Y6XI727W.js";
import "./chunk-JR2GY7AL.js";
import "./chunk-MH6PMCU3.js";
import "./chunk-XTQKZYJQ.js";
import "./chunk-4NMVV5T6.js";
export {
  checkSite,
  formatCheck
};
