import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FragmentMemo,
  createPageContext,
  pageServices,
  renderPage
} from "./chunk-IYCRSRGR.js";
import {
  internalOutcome,
  invalidUtf8,
  pageSettings
} from "./chunk-OAUA36LD.js";
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
