import { deserialize, serialize } from 'node:v8';
import type { FileResult, Locale } from '../../facts/finding.js';
import { renderMessage } from '../../messages/render.js';
import type { CheckedFile } from '../check-file.js';

/**
 * An entry is a checked file as the checker returned it: the verdict and the sound print (the folder's
 * shared intros are found again from the prints on every run). Stored without what belongs to one
 * run: timings, the hash (the key holds it) and evidence pictures (attached after the check, again).
 * V8's serializer keeps the print's Float32Arrays as they are.
 */
export function encodeEntry({ result, print }: CheckedFile): Buffer {
  const { startedAt: _startedAt, elapsedS: _elapsedS, sha256: _sha256, ...kept } = result;
  const findings = kept.findings.map(({ evidence: _evidence, evidenceDataUri: _uri, ...finding }) => finding);
  return serialize({ result: { ...kept, findings }, print });
}

/** An entry read back, its messages rendered in the run's locale; null when it cannot be read (a miss). */
export function decodeEntry(bytes: Buffer, locale: Locale): CheckedFile | null {
  let entry: CheckedFile;
  try {
    entry = deserialize(bytes) as CheckedFile;
  } catch {
    return null;
  }
  if (!entry?.result || !Array.isArray(entry.result.findings)) return null;
  return { result: inLocale(entry.result, locale), print: entry.print ?? null };
}

/** Every message of a verdict rendered again, from its ids and parameters, in a locale. */
export function inLocale(result: FileResult, locale: Locale): FileResult {
  const findings = result.findings.map((finding) => ({
    ...finding,
    message: renderMessage(locale, finding.messageId, finding.params),
    expected: renderMessage(locale, finding.expectedId, finding.expectedParams ?? {}),
  }));
  const error = result.error?.messageId ? { ...result.error, message: renderMessage(locale, result.error.messageId, result.error.params) } : result.error;
  return { ...result, findings, error };
}
