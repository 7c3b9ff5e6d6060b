import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { rules } from '../rules/index.js';
import { loadProfile, ProfileError, resolveProfile } from './load-profile.js';
import { printable } from '../facts/printable.js';
import { describeValue, quoteKey } from './profile-words.js';
import { MAX_PROFILE_BYTES } from './read-profile-file.js';

const settingOf = (profile: Awaited<ReturnType<typeof loadProfile>>, id: string) => profile.settings.find((s) => s.rule.id === id);

/** The one message a profile load fails with. */
async function failureOf(load: Promise<unknown>): Promise<string> {
  const error = await load.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProfileError);
  const message = (error as Error).message;
  expect(message).not.toContain('\n');
  return message;
}

function resolveFailure(data: unknown): string {
  try {
    resolveProfile('bad', data, 'bad.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('resolveProfile accepted it');
}

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'profile-'));
});

async function fileWith(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('built-in profiles', () => {
  it('web enables every rule with a 1 Mbps video floor; archive raises it to 4 Mbps', async () => {
    const web = await loadProfile('web');
    expect(web.settings.map((s) => s.rule.id)).toEqual(rules.map((r) => r.id));
    expect(settingOf(web, 'video.bitrate')!.options.minBps).toBe(1_000_000);
    expect(settingOf(await loadProfile('archive'), 'video.bitrate')!.options.minBps).toBe(4_000_000);
  });
});

describe('user profiles', () => {
  it('extend a built-in, change severity and options, and turn rules off (YAML)', async () => {
    const path = await fileWith('school.yaml', 'name: our-school\nextends: archive\nrules:\n  video.duration: off\n  audio.bitrate: warning\n  video.bitrate:\n    options: { minBps: 6000000 }\n');
    const profile = await loadProfile(path);
    expect(profile.name).toBe('our-school');
    expect(settingOf(profile, 'video.duration')).toBeUndefined();
    expect(settingOf(profile, 'audio.bitrate')!.severity).toBe('warning');
    expect(settingOf(profile, 'video.bitrate')!.options.minBps).toBe(6_000_000);
  });

  it('the same profile as JSON, with a byte-order mark', async () => {
    const path = await fileWith('school.json', `\uFEFF${JSON.stringify({ extends: 'web', rules: { 'video.duration': { options: { minS: 60, maxS: 60 } } } }, null, 2)}`);
    const profile = await loadProfile(path);
    expect(settingOf(profile, 'video.duration')!.options).toEqual({ minS: 60, maxS: 60 });
  });

  it.each([
    [{ rules: { 'video.colour': 'off' } }, /^profile bad\.json: unknown rule "video\.colour"$/],
    [{ rulez: {} }, /^profile bad\.json: unknown key "rulez" \(allowed: name, description, extends, rules\)$/],
    [{ extends: 'broadcast' }, /^profile bad\.json: extends names no built-in profile \(must be "web" or "archive"\)$/],
    [{ extends: 3 }, /^profile bad\.json: extends must be "web" or "archive", not 3$/],
    [{ name: 3 }, /^profile bad\.json: name must be a string, not 3$/],
    [{ name: 'a\u001b[2Jb' }, /^profile bad\.json: name must be one line without control characters$/],
    [{ rules: [] }, /^profile bad\.json: rules must be a mapping of rule id → setting, not a list$/],
    [{ rules: { 'video.bitrate': { options: { minBps: '1M' } } } }, /^profile bad\.json: video\.bitrate options\.minBps must be a finite number, not a string$/],
    [{ rules: { 'video.bitrate': { options: { minBps: Number.NaN } } } }, /^profile bad\.json: video\.bitrate options\.minBps must be a finite number, not NaN$/],
    [{ rules: { 'video.bitrate': { options: { minBps: Number.POSITIVE_INFINITY } } } }, /options\.minBps must be a finite number, not Infinity$/],
    [{ rules: { 'video.bitrate': { options: { minBps: null } } } }, /options\.minBps must be a finite number, not null$/],
    [{ rules: { 'video.bitrate': { options: { minBps: true } } } }, /options\.minBps must be a finite number, not true$/],
    [{ rules: { 'video.bitrate': { options: { minBps: [1] } } } }, /options\.minBps must be a finite number, not a list$/],
    [{ rules: { 'video.bitrate': { options: { floor: 1 } } } }, /^profile bad\.json: video\.bitrate options: unknown option "floor" \(allowed: minBps\)$/],
    [{ rules: { 'video.codec': { options: { floor: 1 } } } }, /video\.codec options: unknown option "floor" \(this rule has no options\)$/],
    [{ rules: { 'video.bitrate': { options: { minBps: -1 } } } }, /^profile bad\.json: video\.bitrate options\.minBps must be ≥ 0, not -1$/],
    [{ rules: { 'video.duration': { options: { maxS: -5 } } } }, /video\.duration options\.maxS must be ≥ 0, not -5$/],
    [{ rules: { 'video.frame-rate': { options: { allowedFps: 25 } } } }, /video\.frame-rate options\.allowedFps must be a string, not 25$/],
    [{ rules: { 'video.bitrate': 'fatal' } }, /^profile bad\.json: video\.bitrate must be "off", "error", "warning" or a mapping of enabled, severity, options, not another string$/],
    [{ rules: { 'video.bitrate': false } }, /video\.bitrate must be "off", .* not false$/],
    [{ rules: { 'video.bitrate': { severity: 'info' } } }, /^profile bad\.json: video\.bitrate severity must be "error" or "warning", not another string$/],
    [{ rules: { 'video.bitrate': { enabled: 'yes' } } }, /^profile bad\.json: video\.bitrate enabled must be true or false, not a string$/],
    [{ rules: { 'video.bitrate': { enable: false } } }, /^profile bad\.json: video\.bitrate: unknown key "enable" \(allowed: enabled, severity, options\)$/],
    [{ rules: { 'video.bitrate': { options: 5 } } }, /^profile bad\.json: video\.bitrate options must be a mapping of option → value, not 5$/],
    [[1, 2], /^profile bad\.json: must be a mapping \(an object\) with "extends" and "rules", not a list$/],
    [null, /must be a mapping .*, not null$/],
  ])('rejects %j naming the key', (data, message) => {
    expect(resolveFailure(data)).toMatch(message);
  });

  it('contradicting minimum and maximum options are refused, whichever side the profile sets', () => {
    expect(resolveFailure({ rules: { 'video.duration': { options: { minS: 900, maxS: 300 } } } })).toMatch(
      /^profile bad\.json: video\.duration: minS \(900\) must not exceed maxS \(300\)$/,
    );
    // Against the default maxS (900): the resolved options are what is checked.
    expect(resolveFailure({ rules: { 'video.duration': { options: { minS: 1000 } } } })).toMatch(/video\.duration: minS \(1000\) must not exceed maxS \(900\)$/);
    expect(resolveFailure({ rules: { 'video.duration': { options: { maxS: 100 } } } })).toMatch(/video\.duration: minS \(300\) must not exceed maxS \(100\)$/);
    // Equal is fine; so is a rule turned off with sensible options.
    expect(resolveProfile('ok', { rules: { 'video.duration': { options: { minS: 600, maxS: 600 } } } }, 'ok.json').name).toBe('ok');
  });

  it.each(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('"%s" is an unknown key at every level, never a prototype', (key) => {
    const at = (value: unknown) => JSON.parse(value as string);
    expect(resolveFailure(at(`{"${key}": {"rules": {}}}`))).toMatch(new RegExp(`^profile bad\\.json: unknown key "${key}" \\(allowed: `));
    expect(resolveFailure(at(`{"rules": {"${key}": "off"}}`))).toMatch(new RegExp(`^profile bad\\.json: unknown rule "${key}"$`));
    expect(resolveFailure(at(`{"rules": {"video.bitrate": {"${key}": {}}}}`))).toMatch(new RegExp(`video\\.bitrate: unknown key "${key}"`));
    expect(resolveFailure(at(`{"rules": {"video.bitrate": {"options": {"${key}": 1}}}}`))).toMatch(
      new RegExp(`video\\.bitrate options: unknown option "${key}" \\(allowed: minBps\\)$`),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('"extends" is looked up among the built-ins only, not on their prototype', () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(resolveFailure({ extends: name })).toMatch(/extends names no built-in profile/);
    }
  });
});

describe('profile files', () => {
  const afterEachRestore: Array<() => void> = [];
  afterEach(() => {
    for (const restore of afterEachRestore.splice(0)) restore();
  });

  it('a missing file names the built-ins', async () => {
    expect(await failureOf(loadProfile('/nonexistent/profile.json'))).toBe('profile /nonexistent/profile.json: no such file, and not a built-in profile (web, archive)');
  });

  it('a folder, a FIFO and a device are refused before reading', async () => {
    expect(await failureOf(loadProfile(folder))).toBe(`profile ${folder}: not a regular file (a folder)`);
    if (process.platform === 'win32') return;
    const fifo = join(folder, 'pipe.yaml');
    await execa('mkfifo', [fifo]);
    // Opening a FIFO for reading waits for a writer: a hang would time the test out.
    expect(await failureOf(loadProfile(fifo))).toBe(`profile ${fifo}: not a regular file (a FIFO)`);
    expect(await failureOf(loadProfile('/dev/zero'))).toBe('profile /dev/zero: not a regular file (a character device)');
  });

  it('a file over 1 MiB is refused by its size', async () => {
    const path = await fileWith('huge.yaml', Buffer.alloc(MAX_PROFILE_BYTES + 1, 0x20));
    expect(await failureOf(loadProfile(path))).toBe(`profile ${path}: too large for a profile (${MAX_PROFILE_BYTES + 1} bytes; at most ${MAX_PROFILE_BYTES})`);
    const exactly = await fileWith('full.yaml', Buffer.concat([Buffer.from('extends: web\n'), Buffer.alloc(MAX_PROFILE_BYTES - 13, 0x20)]));
    expect((await loadProfile(exactly)).name).toBe(exactly);
  });

  it('a file that is not UTF-8 text', async () => {
    const path = await fileWith('latin1.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await failureOf(loadProfile(path))).toBe(`profile ${path}: not UTF-8 text`);
  });

  it.each([
    ['broken.json', '{ "extends": ', /^profile \S+broken\.json: not valid JSON \(line 1, column 14\): a value JSON does not allow \(missing, or text without quotes\)$/],
    ['comma.json', '{\n  "extends": "web"\n  "rules": {}\n}\n', /^profile \S+comma\.json: not valid JSON \(line 3, column 3\): a closing quote or bracket is missing$/],
    ['twice.json', '{"rules": {},\n "rules": {}}', /^profile \S+twice\.json: not valid JSON \(line 2, column 2\): a key appears twice in one mapping$/],
    ['bad-indent.yaml', 'rules:\n  video.bitrate: off\n video.duration: off\n', /^profile \S+bad-indent\.yaml: not valid YAML \(line 3, column 1\): bad indentation$/],
    ['unclosed.yaml', 'rules: [\n', /^profile \S+unclosed\.yaml: not valid YAML \(line \d+, column \d+\)/],
    ['duplicate.yaml', 'extends: web\nrules: {}\nextends: archive\n', /^profile \S+duplicate\.yaml: not valid YAML \(line 3, column 1\): a key appears twice in one mapping$/],
    ['tag.yaml', 'extends: !include web\n', /^profile \S+tag\.yaml: not valid YAML \(line 1, column 10\): unknown tag$/],
    ['alias.yaml', 'extends: *web\n', /^profile \S+alias\.yaml: not valid YAML \(line 1, column 10\): an alias \(\*name\) to no anchor \(&name\) before it$/],
    ['two.yaml', 'extends: web\n---\nextends: archive\n', /^profile \S+two\.yaml: not valid YAML \(line \d+, column \d+\): more than one document$/],
    ['number-keys.yaml', 'rules:\n  1: off\n  "1": off\n', /^profile \S+number-keys\.yaml: "rules": key "1" appears twice$/],
    ['list-key.yaml', '? [a, b]\n: 1\n', /^profile \S+list-key\.yaml: a key is a list, not a name$/],
    ['nan.yaml', 'rules:\n  video.bitrate:\n    options: { minBps: .nan }\n', /^profile \S+nan\.yaml: video\.bitrate options\.minBps must be a finite number, not NaN$/],
    ['inf.yaml', 'rules:\n  video.bitrate:\n    options: { minBps: -.inf }\n', /video\.bitrate options\.minBps must be a finite number, not -Infinity$/],
    ['empty.yaml', '', /^profile \S+empty\.yaml: must be a mapping .*, not null$/],
  ])('%s: a one-line message without the text', async (name, content, message) => {
    const emitWarning = vi.spyOn(process, 'emitWarning');
    const consoleWarn = vi.spyOn(console, 'warn');
    afterEachRestore.push(
      () => emitWarning.mockRestore(),
      () => consoleWarn.mockRestore(),
    );
    const path = await fileWith(name, content);
    expect(await failureOf(loadProfile(path))).toMatch(message);
    // YAML warnings are refused, never printed.
    expect(emitWarning).not.toHaveBeenCalled();
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it.each([
    ['shadow', 'root:$6$Zx9Salt$S3cr3tHashS3cr3tHash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n'],
    ['shadow.json', 'root:$6$Zx9Salt$S3cr3tHashS3cr3tHash:19000:0:99999:7:::\n'],
    ['token', 'S3cr3tHashS3cr3tHash\n'],
    ['value.yaml', 'password: S3cr3tHashS3cr3tHash\n'],
    ['option.yaml', 'rules:\n  video.bitrate: S3cr3tHashS3cr3tHash\n'],
    ['extends.yaml', 'extends: S3cr3tHashS3cr3tHash\n'],
    ['quote.yaml', '"S3cr3tHashS3cr3tHash\n'],
    ['flow.yaml', '{S3cr3tHashS3cr3tHash: [\n'],
    ['env', 'API_TOKEN=S3cr3tHashS3cr3tHash\n'],
  ])('%s: the secret in the file is never in the message', async (name, content) => {
    const message = await failureOf(loadProfile(await fileWith(name, content)));
    expect(message).toMatch(new RegExp(`^profile \\S+${name.replace('.', '\\.')}: `));
    expect(message).not.toMatch(/S3cr3t|Zx9Salt|19000/);
  });
});

describe('profile words', () => {
  it('keys: names are quoted and cut to 40 characters; anything else is only counted', () => {
    expect(quoteKey('video.bitrate')).toBe('"video.bitrate"');
    expect(quoteKey('a'.repeat(60))).toBe(`"${'a'.repeat(39)}…"`);
    expect(quoteKey('root:$6$abc:1::')).toBe('<not shown: 15 characters, not a name>');
    expect(quoteKey('a\nb')).toBe('<not shown: 3 characters, not a name>');
    expect(printable('a\nb\u001b[0m\u202e')).toBe('a\\x0Ab\\x1B[0m\\u202E');
  });

  it('values are described, not quoted', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, null, true, -1, 'secret', '', [], {}, new Date(0), undefined].map(describeValue)).toEqual([
      'NaN',
      'Infinity',
      'null',
      'true',
      '-1',
      'a string',
      'an empty string',
      'a list',
      'a mapping',
      'a date',
      'nothing',
    ]);
  });
});
