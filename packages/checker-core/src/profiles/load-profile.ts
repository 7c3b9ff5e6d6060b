import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Severity } from '../finding.js';
import { defaultOptionsOf, type OptionSpec, type OptionValue } from '../rule.js';
import { rules, rulesById } from '../rules/index.js';
import { builtinProfiles } from './builtin.js';
import type { Profile, ProfileFile, RuleSetting } from './profile.js';

/** A profile that cannot be used; the CLI exits with 2. */
export class ProfileError extends Error {
  override name = 'ProfileError';
}

const SEVERITIES: readonly Severity[] = ['error', 'warning'];
const PROFILE_KEYS = new Set(['name', 'description', 'extends', 'rules']);
const RULE_KEYS = new Set(['enabled', 'severity', 'options']);

/** `web`, `archive`, or a path to a JSON or YAML profile file. */
export async function loadProfile(nameOrPath: string): Promise<Profile> {
  if (Object.hasOwn(builtinProfiles, nameOrPath)) return resolveProfile(nameOrPath, builtinProfiles[nameOrPath]!, nameOrPath);
  let text: string;
  try {
    text = await readFile(nameOrPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const known = Object.keys(builtinProfiles).join(', ');
    throw new ProfileError(`profile "${nameOrPath}": ${code === 'ENOENT' ? `no such file, and not a built-in profile (${known})` : `cannot read (${code})`}`);
  }
  let data: unknown;
  try {
    data = extname(nameOrPath).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ProfileError(`profile ${nameOrPath}: not valid ${extname(nameOrPath) === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`);
  }
  return resolveProfile(nameOrPath, data, nameOrPath);
}

/** Validates a profile's data and applies it over what it extends. */
export function resolveProfile(name: string, data: unknown, source: string, seen: Set<string> = new Set()): Profile {
  const fail = (message: string) => new ProfileError(`profile ${source}: ${message}`);
  if (!isPlainObject(data)) throw fail('must be an object with "extends" and "rules"');
  for (const key of Object.keys(data)) if (!PROFILE_KEYS.has(key)) throw fail(`unknown key "${key}" (allowed: ${[...PROFILE_KEYS].join(', ')})`);
  const file = data as ProfileFile;

  let base: Map<string, RuleSetting & { enabled: boolean }>;
  if (file.extends !== undefined) {
    if (typeof file.extends !== 'string' || !Object.hasOwn(builtinProfiles, file.extends)) {
      throw fail(`"extends": "${String(file.extends)}" is not a built-in profile (${Object.keys(builtinProfiles).join(', ')})`);
    }
    if (seen.has(file.extends)) throw fail(`"extends" loops back to "${file.extends}"`);
    const parent = resolveProfile(file.extends, builtinProfiles[file.extends], file.extends, new Set([...seen, file.extends]));
    base = new Map(rules.map((rule) => [rule.id, { rule, severity: rule.severity, options: defaultOptionsOf(rule), enabled: false }]));
    for (const setting of parent.settings) base.set(setting.rule.id, { ...setting, options: { ...setting.options }, enabled: true });
  } else {
    base = new Map(rules.map((rule) => [rule.id, { rule, severity: rule.severity, options: defaultOptionsOf(rule), enabled: true }]));
  }

  if (file.rules !== undefined && !isPlainObject(file.rules)) throw fail('"rules" must be an object of rule id → setting');
  for (const [id, value] of Object.entries(file.rules ?? {})) {
    const setting = base.get(id);
    const rule = rulesById.get(id);
    if (!setting || !rule) throw fail(`unknown rule "${id}"`);
    if (value === 'off') {
      setting.enabled = false;
      continue;
    }
    if (typeof value === 'string') {
      if (!SEVERITIES.includes(value as Severity)) throw fail(`rules["${id}"]: "${value}" is not "off", "error" or "warning"`);
      setting.severity = value as Severity;
      setting.enabled = true;
      continue;
    }
    if (!isPlainObject(value)) throw fail(`rules["${id}"] must be "off", "error", "warning" or an object`);
    for (const key of Object.keys(value)) if (!RULE_KEYS.has(key)) throw fail(`rules["${id}"]: unknown key "${key}" (allowed: ${[...RULE_KEYS].join(', ')})`);
    if (value.enabled !== undefined) {
      if (typeof value.enabled !== 'boolean') throw fail(`rules["${id}"].enabled must be true or false`);
      setting.enabled = value.enabled;
    } else {
      setting.enabled = true;
    }
    if (value.severity !== undefined) {
      if (!SEVERITIES.includes(value.severity)) throw fail(`rules["${id}"].severity must be "error" or "warning", not ${JSON.stringify(value.severity)}`);
      setting.severity = value.severity;
    }
    if (value.options !== undefined) {
      if (!isPlainObject(value.options)) throw fail(`rules["${id}"].options must be an object`);
      for (const [key, option] of Object.entries(value.options)) {
        const spec = (rule.options as Record<string, OptionSpec>)[key];
        if (!spec) {
          const known = Object.keys(rule.options);
          throw fail(`rules["${id}"].options: unknown option "${key}" (${known.length ? `allowed: ${known.join(', ')}` : 'this rule has no options'})`);
        }
        setting.options[key] = checkOptionValue(spec, option, (why) => fail(`rules["${id}"].options.${key}: ${why}`));
      }
    }
  }
  const settings = [...base.values()].filter((s) => s.enabled).map(({ rule, severity, options }) => ({ rule, severity, options }));
  return { name: typeof file.name === 'string' ? file.name : name, settings };
}

function checkOptionValue(spec: OptionSpec, value: unknown, fail: (why: string) => Error): OptionValue {
  const type = typeof spec.default;
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
    throw fail(`must be a ${type}, not ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number') {
    if (spec.min !== undefined && value < spec.min) throw fail(`must be ≥ ${spec.min}, not ${value}`);
    if (spec.max !== undefined && value > spec.max) throw fail(`must be ≤ ${spec.max}, not ${value}`);
  }
  return value as OptionValue;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
