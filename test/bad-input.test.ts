import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@courseware-check/checker-core';
import { checkJson, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/** A folder of every kind of bad input beside a good file, with Chinese names and spaces. */
let folder: string;
let report: Report;
let exitCode: number;
let stderr: string;
let listingBefore: string[];

const entry = (name: string) => report.files.find((f) => f.path === join(folder, name))!;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'bad input 坏输入 '));
  const good = await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]);
  const faststart = await makeMedia('faststart.mp4', ['-i', good, '-c', 'copy', '-movflags', '+faststart']);
  await withSidecar(good);
  await copyFile(good, join(folder, '第一课 导论.mp4'));
  await copyFile(good.replace(/mp4$/, 'srt'), join(folder, '第一课 导论.srt'));
  await writeFile(join(folder, 'empty.mp4'), '');
  const bytes = await readFile(faststart);
  await writeFile(join(folder, 'truncated.mp4'), bytes.subarray(0, Math.floor(bytes.length / 2)));
  await writeFile(join(folder, 'unfinished.mp4'), (await readFile(good)).subarray(0, 40_000)); // moov at the end, never written
  await writeFile(join(folder, 'notes.mp4'), 'These are my lesson notes, not a video.\n');
  await mkdir(join(folder, 'sub folder'));
  await copyFile(good, join(folder, 'sub folder', 'lesson 2.mp4'));
  await copyFile(good.replace(/mp4$/, 'srt'), join(folder, 'sub folder', 'lesson 2.srt'));
  await copyFile(good, join(folder, 'locked.mp4'));
  await chmod(join(folder, 'locked.mp4'), 0o000);
  await mkdir(join(folder, 'locked folder'));
  await copyFile(good, join(folder, 'locked folder', 'hidden.mp4'));
  await chmod(join(folder, 'locked folder'), 0o000);
  listingBefore = await listRecursively(folder);
  // As root, permissions do not stop reads: run as `nobody` so that the locked file really is unreadable
  // (with a temporary folder of its own, where tsx keeps its cache, and the result cache too).
  let asNobody = {};
  if (process.getuid?.() === 0) {
    await chmod(folder, 0o755);
    const nobodyTmp = await mkdtemp(join(tmpdir(), 'nobody-'));
    await chmod(nobodyTmp, 0o1777);
    asNobody = { uid: 65534, gid: 65534, env: { TMPDIR: nobodyTmp, COURSEWARE_CHECK_CACHE_DIR: join(nobodyTmp, 'cache') } };
  }
  const run = await checkJson([folder, join(folder, 'missing.mp4'), join(folder, 'missing.srt')], asNobody);
  report = run.report;
  exitCode = run.run.exitCode;
  stderr = run.run.stderr;
});

describe('bad input: each file gets one clear line and the batch goes on', () => {
  it('checks the good files, Chinese names and spaces included', () => {
    expect(entry('第一课 导论.mp4').status).toBe('warn');
    expect(entry(join('sub folder', 'lesson 2.mp4')).status).toBe('warn');
  });

  it.each([
    ['missing.mp4', 'not-found', /no such file/],
    ['missing.srt', 'not-found', /no such file/],
    ['empty.mp4', 'empty', /empty file \(0 bytes\)/],
    ['truncated.mp4', 'truncated', /truncated: the file ends at [\d.]+ s of [\d.]+ s \(.+ missing; [\d,]+ of [\d,]+ bytes present\)/],
    ['unfinished.mp4', 'truncated', /no moov index/],
    ['notes.mp4', 'not-media', /not a readable media file/],
    ['locked.mp4', 'unreadable', /permission denied/],
  ])('%s → error %s', (name, code, message) => {
    const file = entry(name);
    expect(file.status).toBe('error');
    expect(file.error?.code).toBe(code);
    expect(file.error?.message).toMatch(message);
    expect(file.error?.message).not.toMatch(/\n|at .*\.ts:\d+/); // one line, no stack trace
  });

  it('an unreadable folder is skipped, saying so in words', () => {
    expect(report.skipped).toEqual([{ path: join(folder, 'locked folder'), reason: 'cannot read the folder (permission denied)', messageId: 'skipped/unreadable-folder', params: { detail: 'permission denied' } }]);
  });

  it('exits 1, prints nothing on stderr when not a terminal, and writes nothing beside the media', async () => {
    expect(exitCode).toBe(1);
    expect(stderr).toBe('');
    expect(report.summary).toMatchObject({ files: 9, error: 7 });
    expect(await listRecursively(folder)).toEqual(listingBefore);
  });

  it('the text report gives each bad file one line naming it and the cause', async () => {
    const { stdout } = await runCli([join(folder, 'empty.mp4'), join(folder, 'notes.mp4')]);
    expect(stdout).toContain(`ERROR  ${join(folder, 'empty.mp4')}: empty file (0 bytes)`);
    expect(stdout).toMatch(new RegExp(`ERROR  .*notes\\.mp4: not a readable media file \\(ffprobe: .+\\)\\n`));
  });
});

async function listRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}
