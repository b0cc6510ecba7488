import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FragmentMemo,
  createPageContext,
  pageServices,
  renderPage
} from "./chunk-4QUQZY4B.js";
import {
  internalOutcome,
  invalidUtf8,
  pageSettings
} from "./chunk-EJOYM2BP.js";
import "./chunk-KX43EIU5.js";
export {
  FragmentMemo,
  createPageContext,
  internalOutcome,
  invalidUtf8,
  pageServices,
  pageSettings,
  renderPage
};
