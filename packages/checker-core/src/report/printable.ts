/**
 * Text from outside (file names, subtitle lines, profile names, ffmpeg's words) as a terminal may
 * show it: control characters (ESC, BEL, NUL, the C1 range with OSC and CSI, line breaks) and
 * bidirectional overrides are written as escapes, never sent raw, so that no file name can move
 * the cursor, set the window title or hide text.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

// C0 controls and DEL, C1 controls, and the Unicode bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
