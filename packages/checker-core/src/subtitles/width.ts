/**
 * The notice's line rule: width counts each East-Asian wide or full-width character (Han, kana,
 * full-width punctuation such as ，。《》“”…—) as 1 and every other visible character as ½.
 */

/** Markup that is not displayed: SRT/VTT tags (`<i>`, `<font …>`, `<c.x>`, `<00:01.000>`) and ASS overrides (`{\an8}`). */
export function stripMarkup(line: string): string {
  return line.replace(/<\/?[a-zA-Z][^>]*>|<\d[\d:.]*>/g, '').replace(/\{\\[^}]*\}/g, '');
}

/** Ambiguous-width punctuation that Chinese text sets full-width (RULES.md names “”…—). */
const WIDE_PUNCTUATION = new Set(['\u2018', '\u2019', '\u201C', '\u201D', '\u2026', '\u2014', '\u2015', '\u00B7']);

export function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) || // Hangul Jamo
    (codePoint >= 0x2e80 && codePoint <= 0x303e) || // CJK radicals, Kangxi, CJK symbols and punctuation
    (codePoint >= 0x3041 && codePoint <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) || // CJK extension A
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) || // CJK unified ideographs
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) || // Yi
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) || // Hangul syllables
    (codePoint >= 0xf900 && codePoint <= 0xfaff) || // CJK compatibility ideographs
    (codePoint >= 0xfe10 && codePoint <= 0xfe19) || // vertical forms
    (codePoint >= 0xfe30 && codePoint <= 0xfe6f) || // CJK compatibility forms, small forms
    (codePoint >= 0xff00 && codePoint <= 0xff60) || // full-width forms
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) || // emoji (East Asian Width W)
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd) // CJK extensions B and beyond
  );
}

/** Marks that occupy no column of their own: combining marks, zero-width joiners, variation selectors. */
function isZeroWidth(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff
  );
}

export function isHan(codePoint: number): boolean {
  return (
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

/** Latin letters and digits, half- or full-width: what makes a Chinese line "mixed". */
function isLatinLetterOrDigit(char: string): boolean {
  return /[A-Za-z0-9\u00C0-\u024F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(char);
}

/** The scripts counted by name; letters of any other script count as `Other`. */
const SCRIPTS = ['Han', 'Latin', 'Cyrillic', 'Greek', 'Hangul', 'Hiragana', 'Katakana', 'Arabic', 'Hebrew', 'Thai', 'Devanagari', 'Armenian', 'Georgian'] as const;
export type Script = (typeof SCRIPTS)[number] | 'Other';
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

/** The script of a letter (Unicode Script property), or null for what is not a letter (digits, punctuation, marks). */
export function scriptOf(char: string): Script | null {
  if (!/\p{L}/u.test(char)) return null;
  return SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Other';
}

/** Letters of the displayed text (markup stripped), counted by script. */
export function lettersByScript(text: string): Partial<Record<Script, number>> {
  const counts: Partial<Record<Script, number>> = {};
  for (const char of stripMarkup(text)) {
    const script = scriptOf(char);
    if (script) counts[script] = (counts[script] ?? 0) + 1;
  }
  return counts;
}

/**
 * `chinese`: East-Asian text only; `mixed`: East-Asian text with letters of an alphabet; `latin`: an
 * alphabet only (Latin, or Cyrillic, Greek…: `script` says which), counted in characters.
 */
export type LineKind = 'chinese' | 'mixed' | 'latin' | 'empty';

export interface LineMeasure {
  /** The displayed text: markup stripped, ends trimmed. */
  text: string;
  width: number;
  kind: LineKind;
  /** The script most of the line's letters are in (null for a line without letters). */
  script: Script | null;
}

export function measureLine(raw: string): LineMeasure {
  const text = stripMarkup(raw).trim();
  const chars = [...text].filter((char) => !isZeroWidth(char.codePointAt(0)!));
  // Full-width Latin letters count 1 but are letters, not East-Asian text.
  const eastAsian = chars.some((char) => isWide(char.codePointAt(0)!) && !isLatinLetterOrDigit(char));
  // Any alphabet counts, not only Latin: a Cyrillic line is not a Chinese one.
  const latin = chars.some((char) => isLatinLetterOrDigit(char) || (/\p{L}/u.test(char) && !isWide(char.codePointAt(0)!)));
  let width = 0;
  for (const char of chars) {
    // “”…— are set full-width in Chinese text, half-width in English.
    const wide = isWide(char.codePointAt(0)!) || (eastAsian && WIDE_PUNCTUATION.has(char));
    width += wide ? 1 : 0.5;
  }
  const kind: LineKind = chars.length === 0 ? 'empty' : eastAsian && latin ? 'mixed' : latin ? 'latin' : 'chinese';
  const counts = Object.entries(lettersByScript(text)) as [Script, number][];
  const script = counts.length === 0 ? null : counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return { text, width, kind, script };
}

/** A whole sentence ends with 。！？.!? , optionally followed by a closing quote or bracket. */
export function endsSentence(text: string): boolean {
  return /[。！？.!?][”’"'）)》」』】]*$/.test(text.trim());
}

export interface LineLimits {
  chineseMaxWidth: number;
  mixedMaxWidth: number;
  latinMaxChars: number;
}

export const NOTICE_LIMITS: LineLimits = { chineseMaxWidth: 18, mixedMaxWidth: 20, latinMaxChars: 40 };

export type LineVerdict = { status: 'pass' | 'warn' | 'fail'; limit: string };

/**
 * Chinese-only ≤ 18; mixed ≤ 20 (18–20 only as one whole sentence, else a warning); Latin-only
 * ≤ 40 characters, spaces included (each counts ½, so 40 letters are width 20).
 */
export function judgeLine(measure: LineMeasure, limits: LineLimits = NOTICE_LIMITS): LineVerdict {
  switch (measure.kind) {
    case 'empty':
      return { status: 'pass', limit: '' };
    case 'chinese':
      return { status: measure.width <= limits.chineseMaxWidth ? 'pass' : 'fail', limit: `Chinese line ≤ ${limits.chineseMaxWidth}` };
    case 'latin':
      return { status: measure.width * 2 <= limits.latinMaxChars ? 'pass' : 'fail', limit: `Latin line ≤ ${limits.latinMaxChars} characters` };
    case 'mixed': {
      const limit = `mixed line ≤ ${limits.mixedMaxWidth} as a whole sentence, else ≤ ${limits.chineseMaxWidth}`;
      if (measure.width > limits.mixedMaxWidth) return { status: 'fail', limit };
      if (measure.width > limits.chineseMaxWidth && !endsSentence(measure.text)) return { status: 'warn', limit };
      return { status: 'pass', limit };
    }
  }
}
