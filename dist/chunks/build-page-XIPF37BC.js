import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FragmentMemo,
  createPageContext,
  pageServices,
  renderPage
} from "./chunk-U4R2RHWJ.js";
import {
  internalOutcome,
  invalidUtf8,
  pageSettings
} from "./chunk-SRJINQU7.js";
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
