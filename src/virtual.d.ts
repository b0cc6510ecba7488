declare module 'virtual:shortcodes' {
  import type { ShortcodeDefinition } from './render/types.js';
  const shortcodes: ShortcodeDefinition<any>[];
  export default shortcodes;
}
declare module 'virtual:shortcode-list' {
  /** [name, inner] of every shortcode in shortcodes/, in file order (see scripts/shortcodes-plugin.mjs). */
  const list: [string, 'none' | 'optional' | 'required'][];
  export default list;
}
