import type { FileError, Finding, Locale, SkippedPath } from '../facts/finding.js';
import { renderMessage } from './render.js';

/**
 * What a finding says in a locale, from its id and parameters; a finding of an older report that
 * has none keeps the text it was written with.
 */
export function findingMessage(finding: Pick<Finding, 'messageId' | 'params' | 'message'>, locale: Locale): string {
  return finding.messageId ? renderMessage(locale, finding.messageId, finding.params ?? {}) : finding.message;
}

/** What the rule asks for, in a locale. */
export function findingExpected(finding: Pick<Finding, 'expectedId' | 'expectedParams' | 'expected'>, locale: Locale): string {
  return finding.expectedId ? renderMessage(locale, finding.expectedId, finding.expectedParams ?? {}) : finding.expected;
}

/** Why a path met while walking was left out, in a locale. */
export function skippedReason(skipped: SkippedPath, locale: Locale): string {
  return skipped.messageId ? renderMessage(locale, skipped.messageId, skipped.params ?? {}) : skipped.reason;
}

/** Why a file could not be checked, in a locale. */
export function fileErrorMessage(error: FileError, locale: Locale): string {
  return error.messageId ? renderMessage(locale, error.messageId, error.params ?? {}) : error.message;
}
