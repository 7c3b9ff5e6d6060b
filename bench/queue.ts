/**
 * The queue against a local run: a real redis-server on a free loopback port, one worker on this
 * machine with `--jobs 2` (the same two files at once as the local `--jobs 2`, each decoded on one
 * thread: how a machine of the library's audit runs it), and 16 short lessons
 * (pieces of the bench's slide, screen and camera lessons), each command timed as a whole process.
 * What the queue adds is its own cost: Redis round trips, the workers' start-up being already paid,
 * the results' JSON. bench.ts calls benchQueue().
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { execa, type ResultPromise } from 'execa';
import { startRedis, startWorker } from '../test/helpers/redis.js';
import { shortBatch } from './media.js';
import type { BenchHost } from './host.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LESSONS = 16;
/** The queue may cost this much more than the local run of the same files with the same parallelism. */
const ALLOWED_RATIO = 1.1;

export async function benchQueue(b: BenchHost): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'courseware-bench-queue-'));
  const folder = join(scratch, 'lessons');
  const processes: ResultPromise[] = [];
  try {
    await lessonsInto(folder);
    const { process: redis, url } = await startRedis();
    processes.push(redis);
    processes.push((await startWorker(b.bin, url, { jobs: 2 })).process);
    // Every file decoded in both runs: no verdict taken from the result cache.
    const commands = {
      local: ['--jobs', '2', '--no-cache', '--format', 'json', folder],
      queue: ['--queue', url, '--no-cache', '--format', 'json', folder],
    };
    const walls: Record<keyof typeof commands, number[]> = { local: [], queue: [] };
    const verdicts: Record<string, unknown> = {};
    // In turns, so that a busy moment of the machine falls on both.
    for (let run = 0; run < RUNS; run++) {
      for (const name of ['local', 'queue'] as const) {
        const start = performance.now();
        const result = await execa('node', [b.bin, ...commands[name]], { reject: false });
        walls[name].push((performance.now() - start) / 1000);
        if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`${name} run exited with ${result.exitCode}: ${result.stderr}`);
        verdicts[name] = (JSON.parse(result.stdout) as { files: { path: string; status: string; findings: { rule: string; status: string }[] }[] }).files.map((f) => [f.path, f.status, f.findings.map((x) => [x.rule, x.status])]);
      }
      b.log(`queue bench run ${run + 1}/${RUNS}: local ${walls.local.at(-1)!.toFixed(2)} s, queue ${walls.queue.at(-1)!.toFixed(2)} s`);
    }
    if (!isDeepStrictEqual(verdicts.local, verdicts.queue)) b.log('queue bench: the queue run and the local run disagree on some verdict');
    const local = median(walls.local);
    const queue = median(walls.queue);
    const ratio = queue / local;
    b.row(
      `queue run, 1 local worker (\`--jobs 2\`), ${LESSONS} short lessons, whole process`,
      `${queue.toFixed(2)} s = ${ratio.toFixed(2)}× (${(LESSONS / queue).toFixed(2)} files/s; same verdicts: ${isDeepStrictEqual(verdicts.local, verdicts.queue) ? 'yes' : 'no'})`,
      `≤ ${ALLOWED_RATIO.toFixed(2)}× the local run \`--jobs 2\` of the same folder: ${local.toFixed(2)} s (${(LESSONS / local).toFixed(2)} files/s)`,
      ratio <= ALLOWED_RATIO,
    );
  } finally {
    for (const child of processes.reverse()) {
      child.kill('SIGTERM');
      await child;
    }
    await rm(scratch, { recursive: true, force: true });
  }
}

/** 16 of the bench's 30 short lessons, a mix of the three kinds, copied into one folder. */
async function lessonsInto(folder: string): Promise<void> {
  const source = await shortBatch();
  const names = (await readdir(source)).filter((name) => name.endsWith('.mp4')).sort();
  // Slides 001–006, screens 011–015, camera 021–025.
  const chosen = [...names.slice(0, 6), ...names.slice(10, 15), ...names.slice(20, 25)];
  await mkdir(folder, { recursive: true });
  for (const name of chosen) await copyFile(join(source, name), join(folder, name));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
