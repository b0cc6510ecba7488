import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FragmentMemo,
  createPageContext,
  pageServices,
  renderPage
} from "./chunk-JR2GY7AL.js";
import {
  internalOutcome,
  invalidUtf8,
  pageSettings
} from "./chunk-XTQKZYJQ.js";
import "./chunk-4NMVV5T6.js";
export {
  FragmentMemo,
  createPageContext,
  internalOutcome,
  invalidUtf8,
  pageServices,
  pageSettings,
  renderPage
};
