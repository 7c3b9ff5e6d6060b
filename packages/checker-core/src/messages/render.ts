import { IntlMessageFormat, type Formatters } from 'intl-messageformat';
import type { Locale, MessageParams, MessageRef, MessageValue } from '../facts/finding.js';
import { formatBitrate, formatBytes, formatClock, trim } from '../facts/units.js';
import { catalogues, type MessageId } from './catalogues.js';
import { formatDecimal } from './decimal.js';

/**
 * Renders messages of the catalogues (ICU MessageFormat, by FormatJS's intl-messageformat: plural,
 * select and number formatting per locale). Beside ICU's own, three number styles our messages need:
 * `{atS, number, clock}` (seconds as m:ss), `{rateBps, number, bitrate}` (1.2 Mbps, 128 kbps) and
 * `{sizeBytes, number, bytes}` (1.5 GiB), and `{sampleRateHz, number, khz}` (48 kHz). A parameter that
 * is itself a message (`{ messageId, params }`) is rendered in the same locale; a list of them is
 * joined ("; ", "；"). A list of values reads as a series ("a, b and c", "a、b和c"), or as
 * alternatives ("25 or 29.97", "25或29.97") when its name begins with `allowed`.
 */

/** The locale a message id is unknown in, or a parameter is missing: a bug the catalogue test catches. */
export class MessageError extends Error {
  override name = 'MessageError';
}

const STYLES: Record<string, (value: number) => string> = {
  clock: formatClock,
  bitrate: formatBitrate,
  bytes: formatBytes,
  khz: (hz) => `${trim(hz / 1000, 3)} kHz`,
};

/** What a list of nested messages is joined with. */
const JOIN: Record<Locale, string> = { zh: '；', en: '; ' };

interface Compiled {
  /** null for a message without ICU syntax (no braces, no apostrophes): its text is the message. */
  format: IntlMessageFormat | null;
  /** Arguments with one of our own styles: their values are formatted before ICU sees them. */
  styled: { name: string; style: string; key: string }[];
}

const cache = new Map<string, Compiled>();

/**
 * intl-messageformat asks ICU which of all its locales it has (`Intl.NumberFormat.supportedLocalesOf`),
 * 18 ms the first time in a process here, measured alone; ours are two that ICU always has.
 */
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(typeof locales === 'string' ? locales : locales[0]!);

/**
 * One set of formatters for every message (intl-messageformat would make its own per message). A
 * plain `{n, number}` and a plural's `#` are written by `formatDecimal`, as Intl writes them in our
 * locales, without loading ICU's number data; any other number style goes to Intl.
 */
const DECIMAL = { format: (value: number) => formatDecimal(value) } as Intl.NumberFormat;
const intlFormats = new Map<string, Intl.NumberFormat | Intl.PluralRules>();
const FORMATTERS: Formatters = {
  getNumberFormat: (locales, options) => (options === undefined ? DECIMAL : made(['number', locales, options], () => new Intl.NumberFormat(locales, options))),
  getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
  getPluralRules: (locales, options) => made(['plural', locales, options], () => new Intl.PluralRules(locales, options)),
};

function made<T extends Intl.NumberFormat | Intl.PluralRules>(key: unknown[], make: () => T): T {
  const id = JSON.stringify(key);
  let formatter = intlFormats.get(id) as T | undefined;
  if (!formatter) intlFormats.set(id, (formatter = make()));
  return formatter;
}

export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogues.en, id);
}

function compile(locale: Locale, id: string): Compiled {
  const cacheKey = `${locale}\u0000${id}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  if (!isMessageId(id)) throw new MessageError(`no message ${id}`);
  const source = catalogues[locale][id];
  // Plain text (most of the command line's help) needs no parse: `say` in `--help` stays quick.
  if (!/[{}']/.test(source)) {
    const plain = { format: null, styled: [] };
    cache.set(cacheKey, plain);
    return plain;
  }
  const styled: Compiled['styled'] = [];
  const parsed = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true, formatters: FORMATTERS });
  const ast = restyle(parsed.getAst(), styled);
  // A second format, from the restyled tree, only where one of our styles was found (each costs 0.2 ms).
  const compiled = { format: styled.length === 0 ? parsed : new IntlMessageFormat(ast, locale, undefined, { ignoreTag: true, formatters: FORMATTERS }), styled };
  cache.set(cacheKey, compiled);
  return compiled;
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;
/** ICU element types (@formatjs/icu-messageformat-parser's TYPE). */
const ARGUMENT = 1;
const NUMBER = 2;
const SELECT = 5;
const PLURAL = 6;
const TAG = 8;

/** Turns `{x, number, clock}` into a plain argument `{x#clock}` whose value we format. */
function restyle(ast: Ast, styled: Compiled['styled']): Ast {
  return ast.map((element) => {
    const el = element as { type: number; value: string; style?: unknown; options?: Record<string, { value: Ast }>; children?: Ast };
    if (el.type === NUMBER && typeof el.style === 'string' && STYLES[el.style]) {
      const key = `${el.value}#${el.style}`;
      if (!styled.some((s) => s.key === key)) styled.push({ name: el.value, style: el.style, key });
      return { type: ARGUMENT, value: key } as unknown as Ast[number];
    }
    if ((el.type === SELECT || el.type === PLURAL) && el.options) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, option]) => [k, { ...option, value: restyle(option.value, styled) }]));
      return { ...el, options } as unknown as Ast[number];
    }
    if (el.type === TAG && el.children) return { ...el, children: restyle(el.children, styled) } as unknown as Ast[number];
    return element;
  });
}

export function renderList(locale: Locale, name: string, list: (string | number)[] | MessageRef[]): string {
  if (list.every((item) => typeof item === 'string' || typeof item === 'number')) {
    const items = list.map((item) => (typeof item === 'number' ? formatDecimal(item, false) : item));
    if (items.length < 2) return items.join('');
    const [head, last] = [items.slice(0, -1), items.at(-1)!];
    const alternatives = name.startsWith('allowed');
    // Chinese: 25 或 29.97, GBK、Big5 和 UTF-16 (Intl writes 25或29.97, too tight beside numbers and Latin names).
    if (locale === 'zh') return `${head.join('、')} ${alternatives ? '或' : '和'} ${last}`;
    // English as Intl.ListFormat writes it ("a and b", "a, b, and c"), whose first use loads ICU's data (19 ms here).
    return `${head.join(', ')}${head.length > 1 ? ',' : ''} ${alternatives ? 'or' : 'and'} ${last}`;
  }
  return list.map((item) => (isRef(item as MessageValue) ? renderStrict(locale, (item as MessageRef).messageId, (item as MessageRef).params) : String(item))).join(JOIN[locale]);
}

function isRef(value: MessageValue): value is MessageRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as MessageRef).messageId === 'string';
}

/** Renders a message; throws MessageError when the id is unknown or a parameter is missing or wrong. */
export function renderStrict(locale: Locale, id: string, params: MessageParams = {}): string {
  const { format, styled } = compile(locale, id);
  if (format === null) return catalogues[locale][id as MessageId];
  const values: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) values[name] = renderList(locale, name, value);
    else if (isRef(value)) values[name] = renderStrict(locale, value.messageId, value.params);
    else values[name] = value;
  }
  for (const { name, style, key } of styled) {
    const value = params[name];
    // Absent or null: only a branch that is not taken may name it (ICU says so if one does).
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number') throw new MessageError(`${id}: parameter ${name} must be a number for style ${style}`);
    values[key] = STYLES[style]!(value);
  }
  try {
    const text = format.format(values);
    return Array.isArray(text) ? text.join('') : String(text);
  } catch (error) {
    throw new MessageError(`${id} (${locale}): ${(error as Error).message}`);
  }
}

/**
 * Renders a message for a person: never throws. An unknown id or a missing parameter (a bug, which
 * the catalogue test catches) shows the id and its parameters rather than stopping a report.
 */
export function renderMessage(locale: Locale, id: string, params: MessageParams = {}): string {
  try {
    return renderStrict(locale, id, params);
  } catch {
    return `${id} ${JSON.stringify(params)}`;
  }
}

/** A message reference in a locale. */
export function renderRef(locale: Locale, ref: MessageRef): string {
  return renderMessage(locale, ref.messageId, ref.params);
}
