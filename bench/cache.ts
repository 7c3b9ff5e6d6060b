/**
 * The result cache's figure (issue 14): the same 16 short lessons checked twice by the built command,
 * as whole processes, first with an empty cache (every file hashed and decoded), then again (every
 * verdict from the cache: a stat, a memo read and an entry read a file). Its own cache folder, so the
 * user's is neither read nor filled.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Report } from '@courseware-check/checker-core';
import { shortBatch } from './media.js';
import type { BenchHost } from './host.js';

const LESSONS = 16;

export async function benchCache(b: BenchHost): Promise<void> {
  const source = await shortBatch();
  const work = await mkdtemp(join(tmpdir(), 'courseware-check-bench-cache-'));
  try {
    const folder = join(work, 'lessons');
    await mkdir(folder);
    const names = (await readdir(source)).filter((name) => name.endsWith('.mp4')).sort().slice(0, LESSONS);
    for (const name of names) await copyFile(join(source, name), join(folder, name));
    const env = { COURSEWARE_CHECK_CACHE_DIR: join(work, 'cache') };
    const check = async () => {
      const started = performance.now();
      const result = await execa('node', [b.bin, '--format', 'json', folder], { env, reject: false });
      const wallS = (performance.now() - started) / 1000;
      const report = JSON.parse(String(result.stdout)) as Report;
      return { wallS, report };
    };
    const first = await check();
    const second = await check();
    const verdicts = (report: Report) => JSON.stringify(report.files.map((f) => [f.path, f.sha256, f.status, f.findings.map((x) => [x.rule, x.status, x.measured])]));
    const same = verdicts(first.report) === verdicts(second.report);
    const errors = first.report.summary.error;
    b.log(`  cache · first run ${first.wallS.toFixed(2)} s, second ${second.wallS.toFixed(2)} s; ${first.report.files.length} files, ${errors} errors; same verdicts: ${same}`);
    const share = second.wallS / first.wallS;
    b.row(
      `${LESSONS} short lessons (15–25 s pieces), checked again unchanged: the result cache, whole process`,
      `${second.wallS.toFixed(2)} s = ${(share * 100).toFixed(1)} % of the first run (${(first.wallS / second.wallS).toFixed(1)}× faster); the same verdicts: ${same ? 'yes' : 'NO'}`,
      `the first run, empty cache (hash and decode every file): ${first.wallS.toFixed(2)} s; goal ≤ 10 %`,
      same && errors === 0 && first.report.files.length === LESSONS && share <= 0.1,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
