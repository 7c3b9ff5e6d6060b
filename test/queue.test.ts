import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ffprobePath, run, type Report, type RunEvent } from '@courseware-check/checker-core';
import { openQueueChecker } from '../packages/cli/src/queue/submit.js';
import { checkJson, REPO_ROOT, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';
import { freePort, startRedis, startWorker as startQueueWorker } from './helpers/redis.js';

/**
 * `--queue`: BullMQ workers on a real redis-server (started here on a free loopback port, killed
 * after). Workers and submitters are real command-line processes. The workers' lock and stalled
 * check are shortened (COURSEWARE_CHECK_QUEUE_LOCK_MS / _STALLED_MS) so that a killed worker's file
 * is taken up again in seconds, not the default minute.
 */

const BIN = join(REPO_ROOT, 'packages/cli/bin/courseware-check.js');
const FAST_LOCKS = { COURSEWARE_CHECK_QUEUE_LOCK_MS: '2000', COURSEWARE_CHECK_QUEUE_STALLED_MS: '1000' };

let scratch: string;
let redis: ResultPromise;
let url: string;
/** Six short lessons of different kinds, and folders of some of them. */
let lessons: string;
let folderA: string;
let folderB: string;
/** A folder whose first lesson takes a worker several seconds (the kill test). */
let withLong: string;
const workers = new Set<ResultPromise>();

/** A generated lesson copied into a folder under a name of ours, with its sidecar when it has one. */
async function place(folder: string, name: string, made: string, sidecar = true): Promise<void> {
  await mkdir(folder, { recursive: true });
  await copyFile(made, join(folder, name));
  if (sidecar) await copyFile(made.replace(/\.[^.]+$/, '.srt'), join(folder, name.replace(/\.[^.]+$/, '.srt')));
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'courseware-queue-'));
  ({ process: redis, url } = await startRedis());
  const picture = (o: Parameters<typeof testPicture>[0] = {}) => testPicture(o);
  const made = {
    good: await withSidecar(await makeMedia('good.mp4', [...picture(), ...testSound(), ...H264, ...AAC])),
    small: await withSidecar(await makeMedia('small.mp4', [...picture({ size: '640x360' }), ...testSound(), ...H264, ...AAC])),
    fps30: await withSidecar(await makeMedia('q-30fps.mp4', [...picture({ fps: '30' }), ...testSound(), ...H264, ...AAC])),
    mono: await withSidecar(await makeMedia('q-mono.mp4', [...picture(), ...testSound({ channels: 1 }), ...H264, ...AAC])),
    rate44: await withSidecar(await makeMedia('q-44k.mp4', [...picture(), ...testSound({ rateHz: 44100 }), ...H264, ...AAC])),
    mov: await makeMedia('q-lesson.mov', [...picture(), ...testSound(), ...H264, ...AAC]),
    long: await makeMedia('q-long.mp4', [...picture({ durationS: 60 }), ...testSound({ durationS: 60 }), ...H264, ...AAC]),
  };
  lessons = join(scratch, 'lessons');
  await place(lessons, 'l1-good.mp4', made.good);
  await place(lessons, 'l2-small.mp4', made.small);
  await place(lessons, 'l3-30fps.mp4', made.fps30);
  await place(lessons, 'l4-mono.mp4', made.mono);
  await place(lessons, 'l5-44k.mp4', made.rate44);
  await place(lessons, 'l6-lesson.mov', made.mov, false);
  folderA = join(scratch, 'a');
  folderB = join(scratch, 'b');
  await place(folderA, 'a1.mp4', made.good);
  await place(folderA, 'a2.mp4', made.fps30);
  await place(folderB, 'b1.mp4', made.mono);
  await place(folderB, 'b2.mp4', made.small);
  await place(folderB, 'b3.mov', made.mov, false);
  withLong = join(scratch, 'with-long');
  await place(withLong, 'a-long.mp4', made.long, false);
  await place(withLong, 'b-short.mp4', made.good);
  await place(withLong, 'c-short.mp4', made.rate44);
}, 300_000);

afterEach(async () => {
  await Promise.all([...workers].map(stopWorker));
});

afterAll(async () => {
  redis?.kill('SIGKILL');
  await redis;
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Starts `courseware-check worker` with short locks, and waits until it serves. */
async function startWorker(options: { env?: NodeJS.ProcessEnv; wrap?: string[] } = {}): Promise<{ process: ResultPromise }> {
  const worker = await startQueueWorker(BIN, url, { ...options, cwd: REPO_ROOT, env: { ...FAST_LOCKS, ...options.env } });
  workers.add(worker.process);
  return worker;
}

async function stopWorker(worker: ResultPromise): Promise<void> {
  workers.delete(worker);
  if (worker.exitCode === null) worker.kill('SIGTERM');
  await worker;
}

/** What must not depend on where a file was checked: status, error id, and each finding's rule, status, id and parameters. */
function verdictsOf(report: Report) {
  return report.files.map((file) => ({
    path: file.path,
    status: file.status,
    error: file.error?.messageId ?? null,
    findings: file.findings.map((f) => ({ ruleId: f.rule, status: f.status, messageId: f.messageId, params: f.params })),
  }));
}

const local = (paths: string[]) => checkJson(['--no-cache', '--jobs', '2', ...paths]);
const queued = (paths: string[], extra: string[] = []) => checkJson(['--no-cache', '--queue', url, ...extra, ...paths]);

describe('--queue: workers on Redis check the files, the submitter prints the report', () => {
  it('two workers: the same report as a local run, file by file and rule by rule, in JSON and text', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const here = await local([lessons]);
    const submittedAt = Date.now();
    const there = await queued([lessons]);
    const wallS = (Date.now() - submittedAt) / 1000;
    expect(here.report.files).toHaveLength(6);
    // Each file's elapsedS is its check on a worker, not its wait in the queue: two workers cannot have
    // spent more than twice the run's time (six files sent at once, waits counted, would sum to about 4×).
    const checkingS = there.report.files.reduce((sum, f) => sum + (f.elapsedS ?? Infinity), 0);
    console.info(`queue: ${checkingS.toFixed(1)} s of checking in ${wallS.toFixed(1)} s on two workers`);
    expect(checkingS).toBeLessThan(2 * wallS);
    expect(there.run.exitCode).toBe(here.run.exitCode);
    expect(verdictsOf(there.report)).toEqual(verdictsOf(here.report));
    expect(there.report.summary).toEqual(here.report.summary);
    // Not all alike: the comparison covers passes, warnings and failures.
    expect(new Set(here.report.files.map((f) => f.status)).size).toBeGreaterThanOrEqual(2);
    // The text report, written once at the end in the order given, is the same text.
    const textHere = join(scratch, 'here.txt');
    const textThere = join(scratch, 'there.txt');
    await runCli(['--no-cache', '-o', textHere, lessons]);
    await runCli(['--no-cache', '--queue', url, '-o', textThere, lessons]);
    expect(await readFile(textThere, 'utf8')).toBe(await readFile(textHere, 'utf8'));
  }, 300_000);

  it('a worker killed (SIGKILL) mid-file: its file is checked by another worker; every file reported once, with the local verdicts', async () => {
    const first = await startWorker();
    const submit = execa('node', [BIN, '--no-cache', '--format', 'json', '--queue', url, withLong], { cwd: REPO_ROOT, reject: false, env: { LANG: 'C.UTF-8' } });
    // The long lesson is being decoded (by the only worker): kill that worker in the middle of it.
    const long = join(withLong, 'a-long.mp4');
    const decoders = async () => (await execa('pgrep', ['-f', `ffmpeg.*${long}`], { reject: false })).stdout.split('\n').filter(Boolean);
    for (let i = 0; (await decoders()).length === 0; i++) {
      if (i > 600 || submit.exitCode !== null) throw new Error('the long lesson was never being decoded');
      await sleep(100);
    }
    const killedDecoders = new Set(await decoders());
    first.process.kill('SIGKILL');
    await first.process;
    workers.delete(first.process);
    const killedAt = Date.now();
    await startWorker();
    // The second worker takes the killed worker's file up again once its lock has run out.
    let takenUpS = NaN;
    for (let i = 0; i < 600 && submit.exitCode === null; i++) {
      if ((await decoders()).some((pid) => !killedDecoders.has(pid))) {
        takenUpS = (Date.now() - killedAt) / 1000;
        break;
      }
      await sleep(100);
    }
    const result = await submit;
    console.info(`killed worker's file taken up again after ${takenUpS.toFixed(1)} s (lock 2 s, stalled check every 1 s, worker start included)`);
    expect(takenUpS).toBeLessThan(20);
    expect(result.exitCode, result.stderr).not.toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    const paths = report.files.map((f) => basename(f.path));
    expect(paths).toEqual(['a-long.mp4', 'b-short.mp4', 'c-short.mp4']);
    expect(verdictsOf(report)).toEqual(verdictsOf((await local([withLong])).report));
    expect(report.files.every((f) => f.status !== 'error')).toBe(true);
  }, 300_000);

  it("streams the worker's decoding progress as the engine's 'progress' events", async () => {
    await startWorker();
    const queue = await openQueueChecker(url);
    const fractions: number[] = [];
    const events: RunEvent['type'][] = [];
    try {
      const report = await run({
        paths: [join(withLong, 'a-long.mp4')],
        checker: queue.checker,
        jobs: 100,
        cache: false,
        onEvent: (event) => {
          events.push(event.type);
          if (event.type === 'progress') fractions.push(event.fraction);
        },
      });
      expect(report.files).toHaveLength(1);
      expect(report.files[0]!.status).not.toBe('error');
    } finally {
      await queue.close();
    }
    expect(events[0]).toBe('discovered');
    expect(events.at(-1)).toBe('file');
    // At most one a second from the worker, over a decode of several seconds.
    expect(fractions.length).toBeGreaterThanOrEqual(2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(fractions.at(-1)).toBeGreaterThan(0.3);
  }, 300_000);

  it('two submitters at once over different folders each get only their own files', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const [a, b] = await Promise.all([queued([folderA]), queued([folderB])]);
    expect(a.report.files.map((f) => basename(f.path))).toEqual(['a1.mp4', 'a2.mp4']);
    expect(b.report.files.map((f) => basename(f.path))).toEqual(['b1.mp4', 'b2.mp4', 'b3.mov']);
    expect(verdictsOf(a.report)).toEqual(verdictsOf((await local([folderA])).report));
    expect(verdictsOf(b.report)).toEqual(verdictsOf((await local([folderB])).report));
  }, 300_000);

  it('a worker whose ffprobe version differs refuses the file, naming itself and both versions', async () => {
    // A real mechanism: FFPROBE_PATH points at a wrapper that says another version and runs the real ffprobe otherwise.
    const wrapper = join(scratch, 'ffprobe-other-version');
    await writeFile(wrapper, `#!/bin/sh\nif [ "$1" = "-version" ]; then echo "ffprobe version 9.9-other Copyright (c) someone"; exit 0; fi\nexec "${ffprobePath()}" "$@"\n`);
    await chmod(wrapper, 0o755);
    await startWorker({ env: { FFPROBE_PATH: wrapper } });
    const { run, report } = await queued([folderA]);
    expect(run.exitCode).toBe(1);
    for (const file of report.files) {
      expect(file.status).toBe('error');
      expect(file.error?.messageId).toBe('file-error/worker-versions');
      expect(file.error?.message).toContain(`worker ${hostname()}`);
      expect(file.error?.message).toContain('9.9-other');
      expect(file.error?.message).toContain(report.tool.ffprobe);
    }
  }, 300_000);

  it('a file the worker cannot see (not on its storage) is an error naming the worker host', async () => {
    // The worker runs in its own mount namespace, where the lessons' folder is an empty tmpfs: a machine without the share.
    await startWorker({ wrap: ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', `mount -t tmpfs none '${folderB}' && exec "$0" "$@"`] });
    const { run, report } = await queued([join(folderB, 'b1.mp4')], ['--locale', 'zh']);
    expect(run.exitCode).toBe(1);
    expect(report.files).toHaveLength(1);
    expect(report.files[0]).toMatchObject({ status: 'error', error: { messageId: 'file-error/worker-cannot-see', params: { host: hostname() } } });
    expect(report.files[0]!.error!.message).toContain(`工作机 ${hostname()}`);
  }, 120_000);

  it('Redis unreachable: one line, exit 2, at once (the submitter and the worker)', async () => {
    const nobody = `redis://127.0.0.1:${await freePort()}/0`;
    const startedAt = Date.now();
    const submit = await runCli(['--queue', nobody, lessons]);
    expect(submit).toMatchObject({ exitCode: 2, stdout: '' });
    expect(submit.stderr).toMatch(new RegExp(`^courseware-check: cannot reach Redis at ${nobody} \\(connect ECONNREFUSED [^)]+\\): is redis-server running there, and is the address right\\?$`));
    const worker = await runCli(['worker', '--queue', nobody, '--locale', 'zh']);
    expect(worker.exitCode).toBe(2);
    expect(worker.stderr).toContain(`无法连接 ${nobody} 上的 Redis`);
    expect((Date.now() - startedAt) / 1000).toBeLessThan(20);
  }, 60_000);

  it('-h loads neither bullmq nor ioredis', async () => {
    const hook = join(scratch, 'trace-hook.mjs');
    await writeFile(
      hook,
      `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(\`export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\\\n'); return r; }\`));\n`,
    );
    const run = await execa('node', ['--import', hook, BIN, '-h'], { cwd: REPO_ROOT, reject: false });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('--queue');
    const loaded = run.stderr.split('\n').filter((line) => line.startsWith('LOADED '));
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((line) => /\/(bullmq|ioredis)\//.test(line))).toEqual([]);
  });
});
