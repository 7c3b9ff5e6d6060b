import type { MessageParams } from '@courseware-check/checker-core/facts';
import { renderMessage, type MessageId } from '@courseware-check/checker-core/messages';
import type { Locale } from './environment.js';

/**
 * The command line's own words, by id (`cli/…`), from the core's message catalogues (`messages/en.ts`,
 * `messages/zh.ts`), so that one test keeps both languages complete. The messages entry loads the
 * catalogues and intl-messageformat only: no media code, so `--help` stays fast.
 */
export type CliMessageId = Extract<MessageId, `cli/${string}`>;

/** A message of the command line in a locale. */
export function say(locale: Locale, id: CliMessageId, params: MessageParams = {}): string {
  return renderMessage(locale, id, params);
}

/**
 * A command that cannot run (exit code 2): an id and its parameters, said in the run's locale where
 * it is printed; `message` is its English text (for logs and stack traces).
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly messageId: MessageId;
  readonly params: MessageParams;

  constructor(messageId: MessageId, params: MessageParams = {}) {
    super(renderMessage('en', messageId, params));
    this.messageId = messageId;
    this.params = params;
  }

  /** What the command says, in a locale. */
  render(locale: Locale): string {
    return renderMessage(locale, this.messageId, this.params);
  }
}

/**
 * yargs' own words (y18n strings: headings, type tags, its parse errors), replaced by the catalogue's
 * in the locale: `%s` is where yargs puts a name or a number.
 */
const YARGS_WORDS: [string, CliMessageId][] = [
  ['Commands:', 'cli/yargs-commands'],
  ['Options:', 'cli/yargs-options'],
  ['Examples:', 'cli/yargs-examples'],
  ['Positionals:', 'cli/yargs-positionals'],
  ['boolean', 'cli/yargs-boolean'],
  ['count', 'cli/yargs-count'],
  ['string', 'cli/yargs-string'],
  ['number', 'cli/yargs-number'],
  ['array', 'cli/yargs-array'],
  ['required', 'cli/yargs-required'],
  ['default', 'cli/yargs-default'],
  ['default:', 'cli/yargs-default-colon'],
  ['choices:', 'cli/yargs-choices'],
  ['aliases:', 'cli/yargs-aliases'],
  ['command', 'cli/yargs-command'],
  ['Show help', 'cli/yargs-show-help'],
  ['Did you mean %s?', 'cli/yargs-did-you-mean'],
  ['Invalid values:', 'cli/yargs-invalid-values'],
  ['Argument: %s, Given: %s, Choices: %s', 'cli/yargs-argument-choices'],
  ['Not enough arguments following: %s', 'cli/yargs-not-enough-following'],
];

/** yargs' words with a singular and a plural (y18n's `one` and `other`): ICU plurals on `count`. */
const YARGS_PLURALS: [string, CliMessageId][] = [
  ['Unknown argument: %s', 'cli/yargs-unknown-argument'],
  ['Unknown command: %s', 'cli/yargs-unknown-command'],
  ['Missing argument value: %s', 'cli/yargs-missing-value'],
  ['Missing required argument: %s', 'cli/yargs-missing-required'],
  ['Not enough non-option arguments: got %s, need at least %s', 'cli/yargs-not-enough-positionals'],
  ['Too many non-option arguments: got %s, maximum of %s', 'cli/yargs-too-many-positionals'],
];

/**
 * The strings to give yargs' `updateStrings()` for a locale (after `locale()`: y18n keeps them per
 * locale). The plural words are rendered only when yargs reads them, on an error: the first ICU
 * message costs tens of milliseconds, which `--help` does not pay.
 */
export function yargsStrings(locale: Locale): Record<string, string | { one: string; other: string }> {
  const strings: Record<string, string | { one: string; other: string }> = {};
  for (const [key, id] of YARGS_WORDS) strings[key] = say(locale, id);
  for (const [key, id] of YARGS_PLURALS) {
    strings[key] = {
      get one() {
        return say(locale, id, { count: 1 });
      },
      get other() {
        return say(locale, id, { count: 2 });
      },
    };
  }
  return strings;
}

/** y18n's name of a locale (yargs ships `zh_CN.json`, whose words ours replace). */
export const YARGS_LOCALE: Record<Locale, string> = { zh: 'zh_CN', en: 'en' };
