import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/**
 * `--profile` given something that is no usable profile: the real command stops with exit code 2
 * and one line on stderr, before checking anything, without hanging and without quoting the file.
 */
let folder: string;
let good: string;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs `--quick --profile PROFILE good.mp4`: a command that would otherwise check the file and exit 0. */
async function withProfile(profile: string): Promise<CliRun> {
  // A hang (reading a FIFO or /dev/zero) is killed after 60 s and fails the exit-code assertion.
  return runCli(['--quick', '--profile', profile, good], { timeout: 60_000 });
}

/** Asserts the one line of a refused profile: `courseware-check: profile PATH: MESSAGE`, exit 2, nothing on stdout. */
function expectRefused(run: CliRun, path: string, message: RegExp): void {
  expect(run.stdout).toBe('');
  // One line: execa drops the final newline.
  expect(run.stderr).toMatch(new RegExp(`^courseware-check: profile ${escape(path)}: ${message.source}$`));
  expect(run.exitCode).toBe(2);
}

async function profileFile(name: string, content: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'profile-input-'));
  good = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
});

describe('--profile with something that is not a profile', () => {
  it('a valid profile file runs the check (the control: the refusals below are the profile\'s doing)', async () => {
    const path = await profileFile('fine.yaml', 'extends: web\nrules:\n  video.duration:\n    options: { minS: 1, maxS: 600 }\n');
    const run = await withProfile(path);
    expect(run.stderr).not.toMatch(/profile/);
    expect(run.stdout).toMatch(/good\.mp4/);
    expect(run.exitCode).toBe(0);
  });

  it.skipIf(process.platform === 'win32')('a FIFO is refused without waiting for a writer', async () => {
    const fifo = join(folder, 'pipe.yaml');
    await execa('mkfifo', [fifo]);
    expectRefused(await withProfile(fifo), fifo, /not a regular file \(a FIFO\)/);
  });

  it.skipIf(process.platform === 'win32')('/dev/zero is refused without reading it', async () => {
    expectRefused(await withProfile('/dev/zero'), '/dev/zero', /not a regular file \(a character device\)/);
  });

  it('a folder is refused', async () => {
    expectRefused(await withProfile(folder), folder, /not a regular file \(a folder\)/);
  });

  it('a secret file given as a profile: its first line never appears', async () => {
    const secret = 'root:$6$Qw3rtySalt$S3cr3tPasswordHashValue0123456789:19000:0:99999:7:::';
    for (const [name, content] of [
      ['shadow', `${secret}\ndaemon:*:19000:0:99999:7:::\n`],
      ['shadow.json', `${secret}\n`],
      ['shadow.yaml', `"${secret}\n`],
    ]) {
      const path = await profileFile(name!, content!);
      const run = await withProfile(path);
      expect(run.exitCode).toBe(2);
      expect(`${run.stdout}${run.stderr}`).not.toContain('S3cr3t');
      expect(`${run.stdout}${run.stderr}`).not.toContain('Qw3rtySalt');
      expect(run.stderr).toMatch(new RegExp(`^courseware-check: profile ${escape(path)}: [^\\n]+$`));
    }
    const shadow = join(folder, 'shadow');
    expectRefused(await withProfile(shadow), shadow, /unknown key <not shown: \d+ characters, not a name> \(allowed: name, description, extends, rules\)/);
  });

  it('__proto__ is an unknown rule, an unknown key, an unknown option', async () => {
    const cases: Array<[string, RegExp]> = [
      ['rules:\n  __proto__: off\n', /unknown rule "__proto__"/],
      ['__proto__:\n  rules: {}\n', /unknown key "__proto__" \(allowed: name, description, extends, rules\)/],
      ['rules:\n  video.bitrate:\n    options:\n      __proto__: 1\n', /video\.bitrate options: unknown option "__proto__" \(allowed: minBps\)/],
      ['rules:\n  video.bitrate:\n    options:\n      constructor: 1\n', /video\.bitrate options: unknown option "constructor" \(allowed: minBps\)/],
    ];
    for (const [index, [content, message]] of cases.entries()) {
      const path = await profileFile(`proto-${index}.yaml`, content);
      const run = await withProfile(path);
      expectRefused(run, path, message);
      expect(run.stderr).not.toMatch(/undefined/);
    }
  });

  it.each([
    ['nan', '.nan', 'NaN'],
    ['inf', '.inf', 'Infinity'],
    ['null', 'null', 'null'],
    ['true', 'true', 'true'],
    ['string', '6M', 'a string'],
  ])('a %s bit rate says what was expected and what was found', async (name, yaml, found) => {
    const path = await profileFile(`${name}.yaml`, `rules:\n  video.bitrate:\n    options: { minBps: ${yaml} }\n`);
    expectRefused(await withProfile(path), path, new RegExp(`video\\.bitrate options\\.minBps must be a finite number, not ${found}`));
  });

  it('a negative duration', async () => {
    const path = await profileFile('negative.json', JSON.stringify({ rules: { 'video.duration': { options: { maxS: -1 } } } }));
    expectRefused(await withProfile(path), path, /video\.duration options\.maxS must be ≥ 0, not -1/);
  });

  it('minS above maxS', async () => {
    const path = await profileFile('min-max.yaml', 'rules:\n  video.duration:\n    options: { minS: 900, maxS: 300 }\n');
    expectRefused(await withProfile(path), path, /video\.duration: minS \(900\) must not exceed maxS \(300\)/);
  });

  it('a duplicate YAML key and an unknown tag: a line and column, no YAMLWarning', async () => {
    const duplicate = await profileFile('duplicate.yaml', 'extends: web\nrules: {}\nextends: archive\n');
    const run = await withProfile(duplicate);
    expectRefused(run, duplicate, /not valid YAML \(line 3, column 1\): a key appears twice in one mapping/);
    expect(run.stderr).not.toMatch(/YAMLWarning|YAMLParseError|Warning/);
    const tagged = await profileFile('tagged.yaml', 'extends: !include web\n');
    const tagRun = await withProfile(tagged);
    expectRefused(tagRun, tagged, /not valid YAML \(line 1, column 10\): unknown tag/);
    expect(tagRun.stderr).not.toMatch(/YAMLWarning|YAMLParseError|Warning|include/);
  });

  it('a JSON syntax error names the line, not the text', async () => {
    const path = await profileFile('broken.json', '{\n  "extends": "web",\n  "rules": { "video.duration": off }\n}\n');
    const run = await withProfile(path);
    expectRefused(run, path, /not valid JSON \(line 3, column 32\): a value JSON does not allow \(missing, or text without quotes\)/);
    expect(run.stderr).not.toMatch(/video\.duration|Unexpected token/);
  });
});
