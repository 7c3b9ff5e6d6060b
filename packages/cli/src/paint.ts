import * as util from 'node:util';

export type Style = 'dim' | 'bold' | 'green' | 'yellow' | 'red' | 'cyan';

/**
 * Paints with Node's own `util.styleText` when colours are on (the caller decides: see
 * environment.ts), plain text otherwise. `validateStream: false` because the decision is already
 * made, and for standard error, not the standard output styleText would ask. Node before 20.12 has no
 * styleText: plain text there.
 */
export function painter(enabled: boolean): (style: Style | Style[], text: string) => string {
  const styleText = (util as Partial<typeof util>).styleText;
  if (!enabled || !styleText) return (_style, text) => text;
  return (style, text) => styleText(style, text, { validateStream: false });
}
