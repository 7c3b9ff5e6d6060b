import { execFileSync } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobePath, type Report } from '@courseware-check/checker-core';
import { checkJson, loadedModules, REPO_ROOT, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/**
 * The result cache through the real command line. ffmpeg and ffprobe are small scripts that log
 * each start and then run the bundled binaries (FFMPEG_PATH, FFPROBE_PATH), so a test counts the
 * decodes a run did. Each test has its own cache folder (COURSEWARE_CHECK_CACHE_DIR).
 */

const LESSONS = 4;
let work: string;
let lessons: string;
let spawnLog: string;
let wrappers: { ffmpeg: string; ffprobe: string };
/** A lesson unlike the four (longer), to put in place of one of them. */
let different: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'courseware-check-cache-'));
  lessons = join(work, 'lessons');
  await execa('mkdir', ['-p', lessons]);
  for (let i = 0; i < LESSONS; i++) {
    const source = await withSidecar(await makeMedia(`cache-lesson-${i}.mp4`, [...testPicture({ size: '640x360', durationS: 3 + i }), ...testSound({ durationS: 3 + i }), ...H264, ...AAC]));
    await copyFile(source, join(lessons, `lesson-${i + 1}.mp4`));
    await copyFile(source.replace(/\.mp4$/, '.srt'), join(lessons, `lesson-${i + 1}.srt`));
  }
  different = await makeMedia('cache-lesson-different.mp4', [...testPicture({ size: '640x360', durationS: 8 }), ...testSound({ durationS: 8 }), ...H264, ...AAC]);
  spawnLog = join(work, 'spawns.log');
  wrappers = { ffmpeg: await wrapper('ffmpeg', ffmpegPath()), ffprobe: await wrapper('ffprobe', ffprobePath()) };
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** A script that logs its command line, then becomes the real binary. */
async function wrapper(name: string, real: string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, `#!/bin/sh\nprintf '%s\\n' "${name} $*" >> "${spawnLog}"\nexec "${real}" "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

function environment(cacheDir: string): Record<string, string> {
  return { FFMPEG_PATH: wrappers.ffmpeg, FFPROBE_PATH: wrappers.ffprobe, COURSEWARE_CHECK_CACHE_DIR: cacheDir };
}

/** The decodes a run started, by lesson name: ffmpeg runs that read a lesson (not `-version`). */
async function decodes(run: () => Promise<unknown>): Promise<string[]> {
  await writeFile(spawnLog, '');
  await run();
  const lines = (await readFile(spawnLog, 'utf8')).split('\n').filter((line) => line.startsWith('ffmpeg ') && !line.includes('-version'));
  return lines.map((line) => /lesson-\d+\.mp4/.exec(line)?.[0] ?? line).sort();
}

/** A report without what differs from run to run: when it was made and how long each file took. */
function timeless(report: Report): unknown {
  return { ...report, createdAt: null, files: report.files.map(({ startedAt: _s, elapsedS: _e, ...file }) => file) };
}

async function newCacheDir(): Promise<string> {
  return mkdtemp(join(work, 'cache-'));
}

describe('the result cache: a re-run over an unchanged folder decodes nothing', () => {
  let cacheDir: string;
  let first: Report;
  /** The last report of the folder as it now is. */
  let latest: Report;

  it('a first run decodes every lesson (both streams) and gives each its SHA-256, as sha256sum computes it', async () => {
    cacheDir = await newCacheDir();
    const spawned = await decodes(async () => ({ report: first } = await checkJson(['--jobs', '2', lessons], { env: environment(cacheDir) })));
    const names = Array.from({ length: LESSONS }, (_, i) => `lesson-${i + 1}.mp4`);
    expect(spawned).toEqual(names.flatMap((name) => [name, name]));
    expect(first.files).toHaveLength(LESSONS);
    for (const file of first.files) {
      const [sum] = execFileSync('sha256sum', [file.path], { encoding: 'utf8' }).split(' ');
      expect(file.sha256).toBe(sum);
      expect(file.status).not.toBe('error');
    }
  });

  it('a second run decodes nothing and prints the same report, timings aside', async () => {
    let second!: Report;
    const spawned = await decodes(async () => ({ report: second } = await checkJson(['--jobs', '2', lessons], { env: environment(cacheDir) })));
    expect(spawned).toEqual([]);
    expect(timeless(second)).toEqual(timeless(first));
    // The lessons share their opening: found again from the sound prints kept in the cache.
    expect(second.files.filter((f) => f.facts?.sharedPassages?.intro)).toHaveLength(LESSONS);
  });

  it('in another locale, from the same cache: every message in that language, as an uncached run gives it', async () => {
    const spawned = await decodes(async () => {
      const { report: cached } = await checkJson(['--locale', 'zh', lessons], { env: environment(cacheDir) });
      const { report: fresh } = await checkJson(['--locale', 'zh', '--no-cache', lessons], { env: environment(cacheDir) });
      expect(timeless(cached)).toEqual(timeless(fresh));
      const messages = cached.files.flatMap((file) => file.findings.map((f) => f.message));
      expect(messages.some((message) => /[\u4e00-\u9fff]/.test(message))).toBe(true);
      expect(messages).not.toEqual(first.files.flatMap((file) => file.findings.map((f) => f.message)));
    });
    // Only the uncached run decoded.
    expect(spawned).toHaveLength(2 * LESSONS);
  });

  it('--no-cache decodes every lesson again', async () => {
    const spawned = await decodes(() => checkJson([lessons, '--no-cache'], { env: environment(cacheDir) }));
    expect(spawned).toHaveLength(2 * LESSONS);
  });

  it('--no-cache does not even load LMDB (12 MiB of memory); a run with the cache does', async () => {
    const lesson = join(lessons, 'lesson-1.mp4');
    const lmdb = (files: string[]) => files.filter((url) => url.includes('/node_modules/lmdb/'));
    const uncached = await loadedModules(['--format', 'json', '--no-cache', lesson], { env: environment(cacheDir) });
    expect(uncached.exitCode).not.toBe(2);
    expect(lmdb(uncached.files)).toEqual([]);
    const cached = await loadedModules(['--format', 'json', lesson], { env: environment(cacheDir) });
    expect(lmdb(cached.files).length).toBeGreaterThan(0);
  });

  it('a changed lesson is checked again, and only that one', async () => {
    const changed = join(lessons, 'lesson-3.mp4');
    await copyFile(different, changed);
    let report!: Report;
    const spawned = await decodes(async () => ({ report } = await checkJson([lessons], { env: environment(cacheDir) })));
    expect(spawned).toEqual(['lesson-3.mp4', 'lesson-3.mp4']);
    latest = report;
    const file = report.files.find((f) => f.path === changed)!;
    expect(file.facts?.durationS).toBeCloseTo(8, 0);
    expect(file.sha256).toBe(execFileSync('sha256sum', [changed], { encoding: 'utf8' }).split(' ')[0]);
  });

  it('a damaged cache is moved aside with one line and made again; the run passes as before', async () => {
    const store = join(cacheDir, 'results-v1');
    await writeFile(join(store, 'data.mdb'), Buffer.alloc(64 * 1024, 'damaged '));
    const { run, report } = await checkJson([lessons], { env: environment(cacheDir) });
    expect(run.stderr).toMatch(/^courseware-check: the result cache in .+ was damaged: it was moved to .+results-v1\.broken-\d+ and a new one started$/m);
    expect(timeless(report)).toEqual(timeless(latest));
    expect((await readdir(cacheDir)).filter((name) => name.startsWith('results-v1.broken-'))).toHaveLength(1);
    // Made again: the next run decodes nothing.
    expect(await decodes(() => checkJson([lessons], { env: environment(cacheDir) }))).toEqual([]);
  });

  it('--quick reads no byte more than it did, unless --hash asks for the SHA-256', async () => {
    const { report: quick } = await checkJson(['--quick', lessons], { env: environment(cacheDir) });
    expect(quick.files.every((f) => f.sha256 === undefined)).toBe(true);
    const { report: hashed } = await checkJson(['--quick', '--hash', lessons], { env: environment(cacheDir) });
    expect(hashed.files.map((f) => f.sha256)).toEqual(hashed.files.map((f) => execFileSync('sha256sum', [f.path], { encoding: 'utf8' }).split(' ')[0]));
  });
});

describe('resume: an interrupted run, run again, checks only what did not finish', () => {
  it('Ctrl-C after two lessons (exit 130); the same command again decodes only the other two', async () => {
    const cacheDir = await newCacheDir();
    const args = ['packages/cli/bin/courseware-check.js', '--jobs', '1', '--format', 'ndjson', lessons];
    const env = { ...environment(cacheDir), LANG: 'C.UTF-8' };
    await writeFile(spawnLog, '');
    const run = execa('node', args, { cwd: REPO_ROOT, reject: false, env, buffer: true });
    const finished: string[] = [];
    let pending = '';
    run.stdout!.on('data', (chunk: Buffer) => {
      const lines = (pending + String(chunk)).split('\n');
      pending = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        const record = JSON.parse(line) as { type: string; path?: string };
        if (record.type !== 'file') continue;
        finished.push(basename(record.path!));
        // Once, as a person presses Ctrl-C (a second one would stop the command at once).
        if (finished.length === 2) run.kill('SIGINT');
      }
    });
    const interrupted = await run;
    expect(interrupted.exitCode).toBe(130);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    expect(finished.length).toBeLessThan(LESSONS);
    const all = Array.from({ length: LESSONS }, (_, i) => `lesson-${i + 1}.mp4`);
    let rerun!: Awaited<ReturnType<typeof runCli>>;
    const spawned = await decodes(async () => (rerun = await runCli(args.slice(1), { env })));
    // None that finished is decoded again; the last, never started (one file at a time), is.
    expect(spawned.filter((name) => finished.includes(name))).toEqual([]);
    expect(spawned.filter((name) => name === all.at(-1))).toHaveLength(2);
    const summary = JSON.parse(rerun.stdout.trim().split('\n').at(-1)!) as { summary: { files: number } };
    expect(summary.summary.files).toBe(LESSONS);
  });
});

describe('the versions of ffmpeg and ffprobe', () => {
  /** The `-version` children a run started, by binary. */
  async function versionsAsked(run: () => Promise<unknown>): Promise<string[]> {
    await writeFile(spawnLog, '');
    await run();
    return (await readFile(spawnLog, 'utf8')).split('\n').filter((line) => line.endsWith(' -version')).map((line) => line.split(' ')[0]!).sort();
  }

  it('are asked once per binary and remembered in the cache folder, with --no-cache too; a changed binary is asked again', async () => {
    const cacheDir = await newCacheDir();
    const quick = () => checkJson(['--quick', '--no-cache', lessons], { env: environment(cacheDir) });
    let first!: Report;
    let second!: Report;
    expect(await versionsAsked(async () => ({ report: first } = await quick()))).toEqual(['ffmpeg', 'ffprobe']);
    expect(await readdir(cacheDir)).toEqual(['tool-versions-v1.json']);
    expect(await versionsAsked(async () => ({ report: second } = await quick()))).toEqual([]);
    expect(second.tool).toEqual(first.tool);
    expect(first.tool.ffprobe).toMatch(/^ffprobe version /);
    // Rewritten in place (same path, same bytes): a new modification time is a new binary.
    await writeFile(wrappers.ffprobe, await readFile(wrappers.ffprobe));
    expect(await versionsAsked(quick)).toEqual(['ffprobe']);
  });
});
