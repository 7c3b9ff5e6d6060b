import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@courseware-check/checker-core';
import { random } from '../packages/checker-core/src/testing/signals.js';
import { checkJson } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';

/** The seed of every cut and flip: a failure names it, and the same seed makes the same files. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const TRUNCATIONS = 30;
const FLIPS = 30;

let folder: string;
let report: Report;
let exitCode: number;
let stderr: string;

beforeAll(async () => {
  // Both layouts: the index first (faststart) and the index last, where a cut takes the index away.
  const last = await makeMedia('fuzz.mp4', [...testPicture({ size: '640x360', durationS: 3 }), ...testSound({ durationS: 3 }), ...H264, ...AAC]);
  const first = await makeMedia('fuzz-faststart.mp4', ['-i', last, '-c', 'copy', '-movflags', '+faststart']);
  folder = await mkdtemp(join(tmpdir(), `fuzz-${SEED}-`));
  const next = random(SEED);
  for (const [name, source] of [['last', last], ['first', first]] as const) {
    const bytes = await readFile(source);
    for (let i = 0; i < TRUNCATIONS / 2; i++) {
      const cut = 1 + Math.floor(next() * (bytes.length - 1));
      await writeFile(join(folder, `cut-${name}-${String(i).padStart(2, '0')}-${cut}.mp4`), bytes.subarray(0, cut));
    }
    for (let i = 0; i < FLIPS / 2; i++) {
      const flipped = Buffer.from(bytes);
      // A run of 1–64 bytes, each XORed with a non-zero mask: headers, the index and the media data alike.
      const at = Math.floor(next() * bytes.length);
      const length = 1 + Math.floor(next() * 64);
      for (let j = at; j < Math.min(bytes.length, at + length); j++) flipped[j]! ^= 1 + Math.floor(next() * 255);
      await writeFile(join(folder, `flip-${name}-${String(i).padStart(2, '0')}-${at}+${length}.mp4`), flipped);
    }
  }
  const run = await checkJson(['--stall-timeout', '30', folder], { timeout: 600_000 });
  report = run.report;
  exitCode = run.run.exitCode;
  stderr = run.run.stderr;
}, 700_000);

describe(`fuzz (seed ${SEED}): ${TRUNCATIONS} truncations and ${FLIPS} byte flips through the real CLI`, () => {
  it('ends on its own with a report of every file and nothing on stderr', () => {
    expect([0, 1]).toContain(exitCode);
    expect(stderr).toBe('');
    expect(report.files).toHaveLength(TRUNCATIONS + FLIPS);
  });

  it('judges each file or gives it one clear line: no crash, no stack trace, no internal error', () => {
    for (const file of report.files) {
      if (file.status === 'error') {
        expect(file.error!.code, file.path).not.toBe('internal');
        expect(file.error!.message, file.path).toMatch(/^[^\n]{5,300}$/);
        expect(file.error!.message, file.path).not.toMatch(/ at .*\.(ts|js):\d+|Error:/);
      } else {
        expect(file.findings.length, file.path).toBeGreaterThan(0);
        expect(file.facts, file.path).not.toBeNull();
      }
    }
  });

  it('calls every cut file truncated or unreadable, never checked as if whole', () => {
    const cuts = report.files.filter((f) => f.path.includes('/cut-'));
    console.log(`fuzz: ${report.files.filter((f) => f.status === 'error').length} of ${report.files.length} files are errors; codes ${[...new Set(report.files.map((f) => f.error?.code).filter(Boolean))].join(', ')}`);
    for (const file of cuts) expect(file.status, `${file.path}: ${file.error?.message}`).toBe('error');
  });
});
