/**
 * Text from outside (file names, subtitle lines, profile keys, ffmpeg's words) as a terminal or a
 * log may show it: control and format characters (ESC, BEL, NUL, the C1 range with OSC and CSI,
 * line breaks, bidirectional overrides, zero-width characters) are written as escapes, never sent
 * raw, so that no file name can move the cursor, set the window title, hide text or break a line.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
