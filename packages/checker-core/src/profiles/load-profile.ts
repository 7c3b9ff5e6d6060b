import type { Severity } from '../facts/finding.js';
import { defaultOptionsOf, type AnyRule, type OptionSpec, type OptionValue } from '../rules/rule.js';
import { rules, rulesById } from '../rules/index.js';
import { builtinProfiles } from './builtin.js';
import type { Profile, RuleSetting } from './profile.js';
import { ProfileError } from './profile-error.js';
import { printable } from '../facts/printable.js';
import { describeValue, quoteKey } from './profile-words.js';
import { readProfileFile } from './read-profile-file.js';

export { ProfileError } from './profile-error.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning'];
const PROFILE_KEYS = ['name', 'description', 'extends', 'rules'] as const;
const RULE_KEYS = ['enabled', 'severity', 'options'] as const;

/** Longest profile `name`, in characters: it heads every report. */
const MAX_NAME_CHARS = 100;

/**
 * Numbers whose option names end so are durations, bit rates, sizes or rates: never negative, even
 * when the rule declares no `min`.
 */
const NON_NEGATIVE_SUFFIX = /(?:S|Ms|Bps|Bytes|Hz|Px)$/;

/** `web`, `archive`, or a path to a JSON or YAML profile file. */
export async function loadProfile(nameOrPath: string): Promise<Profile> {
  if (Object.hasOwn(builtinProfiles, nameOrPath)) return resolveProfile(nameOrPath, builtinProfiles[nameOrPath]!, nameOrPath);
  const notFound = `no such file, and not a built-in profile (${Object.keys(builtinProfiles).join(', ')})`;
  const data = await readProfileFile(nameOrPath, notFound);
  return resolveProfile(nameOrPath, data, nameOrPath);
}

type Setting = RuleSetting & { enabled: boolean };

/**
 * Validates a profile's data and applies it over what it extends. Reads only own keys, so
 * `__proto__`, `constructor` and `prototype` are unknown keys like any other; every failure is a
 * one-line `ProfileError` that names the key path and quotes no value.
 */
export function resolveProfile(name: string, data: unknown, source: string, seen: Set<string> = new Set()): Profile {
  const fail = (message: string) => new ProfileError(`profile ${printable(source)}: ${message}`);
  const builtinNames = Object.keys(builtinProfiles);
  if (!isPlainObject(data)) throw fail(`must be a mapping (an object) with "extends" and "rules", not ${describeValue(data)}`);
  checkKeys(data, PROFILE_KEYS, (key, allowed) => fail(`unknown key ${quoteKey(key)} (allowed: ${allowed})`));

  const profileName = own(data, 'name');
  if (profileName !== undefined) checkText('name', profileName, fail);
  const description = own(data, 'description');
  if (description !== undefined && typeof description !== 'string') throw fail(`description must be a string, not ${describeValue(description)}`);

  let base: Map<string, Setting>;
  const parentName = own(data, 'extends');
  if (parentName !== undefined) {
    const choices = builtinNames.map((n) => `"${n}"`).join(' or ');
    if (typeof parentName !== 'string') throw fail(`extends must be ${choices}, not ${describeValue(parentName)}`);
    if (!Object.hasOwn(builtinProfiles, parentName)) throw fail(`extends names no built-in profile (must be ${choices})`);
    if (seen.has(parentName)) throw fail(`extends loops back to "${parentName}"`);
    const parent = resolveProfile(parentName, builtinProfiles[parentName], parentName, new Set([...seen, parentName]));
    base = new Map(rules.map((rule) => [rule.id, { rule, severity: rule.severity, options: defaultOptionsOf(rule), enabled: false }]));
    for (const setting of parent.settings) base.set(setting.rule.id, { ...setting, options: { ...setting.options }, enabled: true });
  } else {
    base = new Map(rules.map((rule) => [rule.id, { rule, severity: rule.severity, options: defaultOptionsOf(rule), enabled: true }]));
  }

  const ruleSettings = own(data, 'rules');
  if (ruleSettings !== undefined && !isPlainObject(ruleSettings)) throw fail(`rules must be a mapping of rule id → setting, not ${describeValue(ruleSettings)}`);
  for (const id of Object.keys(ruleSettings ?? {})) {
    // Maps, not objects, hold the rules: `__proto__` is just a key that is not there.
    const setting = base.get(id);
    const rule = rulesById.get(id);
    if (!setting || !rule) throw fail(`unknown rule ${quoteKey(id)}`);
    applySetting(setting, rule, own(ruleSettings!, id), (message) => fail(`${id}${message}`));
  }

  for (const setting of base.values()) checkPairs(setting, fail);
  const settings = [...base.values()].filter((s) => s.enabled).map(({ rule, severity, options }) => ({ rule, severity, options }));
  return { name: typeof profileName === 'string' ? profileName : name, settings };
}

/** One rule's entry: `"off"`, a severity, or `{ enabled, severity, options }`. `fail`'s message follows the rule id. */
function applySetting(setting: Setting, rule: AnyRule, value: unknown, fail: (message: string) => ProfileError): void {
  const shape = `"off", "error", "warning" or a mapping of ${RULE_KEYS.join(', ')}`;
  if (typeof value === 'string') {
    if (value === 'off') {
      setting.enabled = false;
      return;
    }
    if (!SEVERITIES.includes(value as Severity)) throw fail(` must be ${shape}, not another string`);
    setting.severity = value as Severity;
    setting.enabled = true;
    return;
  }
  if (!isPlainObject(value)) throw fail(` must be ${shape}, not ${describeValue(value)}`);
  checkKeys(value, RULE_KEYS, (key, allowed) => fail(`: unknown key ${quoteKey(key)} (allowed: ${allowed})`));

  const enabled = own(value, 'enabled');
  if (enabled !== undefined && typeof enabled !== 'boolean') throw fail(` enabled must be true or false, not ${describeValue(enabled)}`);
  setting.enabled = enabled ?? true;

  const severity = own(value, 'severity');
  if (severity !== undefined) {
    if (typeof severity !== 'string' || !SEVERITIES.includes(severity as Severity)) {
      throw fail(` severity must be "error" or "warning", not ${typeof severity === 'string' ? 'another string' : describeValue(severity)}`);
    }
    setting.severity = severity as Severity;
  }

  const options = own(value, 'options');
  if (options === undefined) return;
  if (!isPlainObject(options)) throw fail(` options must be a mapping of option → value, not ${describeValue(options)}`);
  const specs = rule.options as Record<string, OptionSpec>;
  for (const key of Object.keys(options)) {
    if (!Object.hasOwn(specs, key)) {
      const known = Object.keys(specs);
      throw fail(` options: unknown option ${quoteKey(key)} (${known.length ? `allowed: ${known.join(', ')}` : 'this rule has no options'})`);
    }
    setting.options[key] = checkOptionValue(key, specs[key]!, own(options, key), (why) => fail(` options.${key} ${why}`));
  }
}

function checkOptionValue(key: string, spec: OptionSpec, value: unknown, fail: (why: string) => ProfileError): OptionValue {
  switch (typeof spec.default) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(`must be a finite number, not ${describeValue(value)}`);
      const min = spec.min ?? (NON_NEGATIVE_SUFFIX.test(key) ? 0 : undefined);
      if (min !== undefined && value < min) throw fail(`must be ≥ ${min}, not ${value}`);
      if (spec.max !== undefined && value > spec.max) throw fail(`must be ≤ ${spec.max}, not ${value}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw fail(`must be true or false, not ${describeValue(value)}`);
      return value;
    default:
      if (typeof value !== 'string') throw fail(`must be a string, not ${describeValue(value)}`);
      return value;
  }
}

/**
 * Every `minX`/`maxX` pair of a rule's options (also `fooMinX`/`fooMaxX`), checked on the options
 * as resolved: a floor above its ceiling can never pass.
 */
function checkPairs(setting: Setting, fail: (message: string) => ProfileError): void {
  const specs = setting.rule.options as Record<string, OptionSpec>;
  for (const minKey of Object.keys(specs)) {
    const match = /^(|.*[a-z0-9])(min|Min)([A-Z0-9].*)$/.exec(minKey);
    if (!match) continue;
    const maxKey = `${match[1]}${match[2] === 'min' ? 'max' : 'Max'}${match[3]}`;
    if (!Object.hasOwn(specs, maxKey)) continue;
    const min = setting.options[minKey];
    const max = setting.options[maxKey];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      throw fail(`${setting.rule.id}: ${minKey} (${min}) must not exceed ${maxKey} (${max})`);
    }
  }
}

/** Control characters, line separators and bidi overrides: what would garble a report's first line or a terminal. */
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** `name`: one line of text, as it heads reports. */
function checkText(key: string, value: unknown, fail: (message: string) => ProfileError): void {
  if (typeof value !== 'string') throw fail(`${key} must be a string, not ${describeValue(value)}`);
  if (CONTROL.test(value)) throw fail(`${key} must be one line without control characters`);
  const length = [...value].length;
  if (length > MAX_NAME_CHARS) throw fail(`${key} must be at most ${MAX_NAME_CHARS} characters, not ${length}`);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], fail: (key: string, allowed: string) => ProfileError): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw fail(key, allowed.join(', '));
}

/** A key's value when the object holds it itself, never one inherited from a prototype. */
function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

/** An object made by `{}`, `JSON.parse` or a profile reader (no prototype); not a list, date, map or class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
