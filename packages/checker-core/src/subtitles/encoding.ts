import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import type { SubtitleEncoding, DecodedText } from '../facts/measurements.js';
export type { SubtitleEncoding, DecodedText };

/** The legacy encodings producers' subtitle files come in: Chinese tools on older Windows. */
const LEGACY = ['GB18030', 'Big5'];

/**
 * Decodes a subtitle file and says what it was: BOMs first, then UTF-16 without a BOM (by its NUL
 * bytes), then strict UTF-8, and only then a guess limited to GB18030/GBK and Big5.
 */
export function decodeSubtitleBytes(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictUtf8(bytes.subarray(3));
    if (text !== null) return { encoding: 'utf-8', bom: true, validUtf8: true, confidence: 1, text };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true, validUtf8: false, confidence: 1, text: iconv.decode(buffer.subarray(2), 'utf-16le') };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true, validUtf8: false, confidence: 1, text: iconv.decode(buffer.subarray(2), 'utf-16be') };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { encoding: utf16, bom: false, validUtf8: false, confidence: 0.9, text: iconv.decode(buffer, utf16) };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { encoding: 'utf-8', bom: false, validUtf8: true, confidence: 1, text: utf8 };
  const guesses = detector().detectAll(buffer, { detectEncodings: LEGACY });
  const best = guesses.find((g) => g.encoding !== null && LEGACY.includes(g.encoding));
  if (!best) return { encoding: 'unknown', bom: false, validUtf8: false, confidence: 0, text: iconv.decode(buffer, 'gb18030') };
  const encoding = best.encoding === 'Big5' ? 'big5' : 'gb18030';
  return { encoding, bom: false, validUtf8: false, confidence: best.confidence, text: iconv.decode(buffer, encoding) };
}

type Jschardet = typeof import('jschardet');
let jschardet: Jschardet | undefined;

/**
 * The encoding guesser, loaded the first time a file is neither UTF-8 nor UTF-16: it takes 40 ms to
 * load, which every start of the command paid for files that never needed it.
 */
function detector(): Jschardet {
  jschardet ??= createRequire(import.meta.url)('jschardet') as Jschardet;
  return jschardet;
}

export function describeEncoding(encoding: SubtitleEncoding): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', gb18030: 'GBK/GB18030', big5: 'Big5', unknown: 'an unknown encoding' }[encoding];
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Text in UTF-16 has a NUL beside nearly every ASCII character (digits, `-->`, line breaks). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenZeros++;
    if (bytes[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.2 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.2 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
