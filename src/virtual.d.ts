declare module 'virtual:shortcodes' {
  import type { ShortcodeDefinition } from './render/types.js';
  const shortcodes: ShortcodeDefinition<any>[];
  export default shortcodes;
}
