import { setTimeout as sleep } from 'node:timers/promises';
import { execa, type ResultPromise } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/** A short lesson that finishes at once, and a long one still decoding when the signal comes. */
let short: string;
let long: string;

beforeAll(async () => {
  short = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  long = await withSidecar(await makeMedia('interrupt-long.mp4', [...testPicture({ size: '1920x1080', durationS: 90 }), ...testSound({ durationS: 90 }), ...H264, ...AAC]));
});

/** ffmpeg processes decoding the long lesson, by their command lines. */
async function decodersOfLong(): Promise<string[]> {
  const { stdout } = await execa('pgrep', ['-f', `ffmpeg.*${long}`], { reject: false });
  return stdout.split('\n').filter(Boolean);
}

/** Waits until the long lesson is being decoded: the short one, checked first with --jobs 1, has finished. */
async function untilDecodingLong(run: ResultPromise): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await decodersOfLong()).length > 0) return;
    if (run.exitCode !== null) throw new Error('the check ended before the long lesson started');
    await sleep(100);
  }
  throw new Error('the long lesson was never decoded');
}

describe('Ctrl-C and SIGTERM: what finished is printed, children are stopped', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: the text report of the finished file, then exit %i', async (signal, code) => {
    const run = execa('node', ['packages/cli/bin/courseware-check.js', '--jobs', '1', short, long], { cwd: REPO_ROOT, reject: false });
    await untilDecodingLong(run);
    run.kill(signal);
    const result = await run;
    expect(result.exitCode).toBe(code);
    expect(result.stdout).toContain(short);
    expect(result.stdout).not.toContain(long);
    expect(result.stdout).toMatch(/Interrupted: the files above finished; the rest were not checked\.\n1 file\(s\)/);
    expect(result.stderr).toMatch(new RegExp(`courseware-check: interrupted \\(${signal}\\) after 1 of 2 file\\(s\\)`));
    expect(await decodersOfLong()).toEqual([]);
  });

  it('SIGTERM to pnpm running `pnpm run check` stops the check too', async () => {
    const run = execa('pnpm', ['run', '--silent', 'check', '--', '--jobs', '1', '--format', 'json', short, long], { cwd: REPO_ROOT, reject: false });
    await untilDecodingLong(run);
    run.kill('SIGTERM');
    await run;
    // The check notices its package manager is gone within a second and stops its decoders.
    for (let i = 0; i < 50 && (await decodersOfLong()).length > 0; i++) await sleep(100);
    expect(await decodersOfLong()).toEqual([]);
  });
});
