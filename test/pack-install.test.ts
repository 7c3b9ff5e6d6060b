/**
 * The product as a user gets it: both packages packed with `pnpm pack` (workspace:* becomes the real
 * version), installed with npm into an empty folder outside the repository, and run with npx and
 * plain Node, no tsx and no TypeScript. Needs the npm registry for the packages' own dependencies.
 */
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { execa, type Options } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, type CliRun } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

const INSTALL_TIMEOUT_MS = 10 * 60_000;

let packed: string;
let project: string;
let lesson: string;

/** The environment of a user's shell: no pnpm/npm script variables, nothing of this repository on PATH. */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key) && key !== 'INIT_CWD'));
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((entry) => !entry.startsWith(REPO_ROOT)).join(delimiter);
  return env;
}

/**
 * Runs in the install folder as a user would. `npx --no-install` never fetches a package it does not
 * find (a `courseware-check` from the registry is not what is under test); `--no` would do the same,
 * but makes npx take the command's own `--help` for its own.
 */
async function inProject(file: string, args: string[], options: Options = {}): Promise<CliRun> {
  const result = await execa(file, args, { cwd: project, env: userEnv(), extendEnv: false, reject: false, ...options });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

beforeAll(async () => {
  lesson = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  packed = await mkdtemp(join(tmpdir(), 'courseware-packed-'));
  project = await mkdtemp(join(tmpdir(), 'courseware-install-'));
  await execa('pnpm', ['--filter', '@courseware-check/checker-core', '--filter', 'courseware-check', 'pack', '--pack-destination', packed], { cwd: REPO_ROOT });
  const tarballs = await readdir(packed);
  const core = tarballs.find((name) => name.startsWith('courseware-check-checker-core-'));
  const cli = tarballs.find((name) => /^courseware-check-\d/.test(name));
  if (!core || !cli) throw new Error(`pnpm pack made ${tarballs.join(', ')}`);
  await copyFile(join(packed, core), join(project, 'core.tgz'));
  await copyFile(join(packed, cli), join(project, 'cli.tgz'));
  await inProject('npm', ['install', '--no-audit', '--no-fund', './core.tgz', './cli.tgz'], { reject: true, timeout: INSTALL_TIMEOUT_MS });
}, INSTALL_TIMEOUT_MS + 120_000);

afterAll(async () => {
  await rm(packed, { recursive: true, force: true });
  await rm(project, { recursive: true, force: true });
});

describe('the packed packages, installed with npm outside the repository', () => {
  it('hold the built JavaScript, its declarations and the bin, and no TypeScript sources or tsx', async () => {
    const manifest = JSON.parse(await readFile(join(project, 'node_modules/courseware-check/package.json'), 'utf8'));
    expect(manifest.dependencies['@courseware-check/checker-core']).toBe(JSON.parse(await readFile(join(REPO_ROOT, 'packages/checker-core/package.json'), 'utf8')).version);
    expect(manifest.dependencies).not.toHaveProperty('tsx');
    const { stdout } = await execa('tar', ['-tzf', join(project, 'core.tgz')]);
    const files = stdout.split('\n');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/README.md');
    expect(files.filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /\.test\.|tsbuildinfo|\/src\//.test(f))).toEqual([]);
    const cliFiles = (await execa('tar', ['-tzf', join(project, 'cli.tgz')])).stdout.split('\n');
    expect(cliFiles).toEqual(expect.arrayContaining(['package/bin/courseware-check.js', 'package/dist/courseware-check.mjs', 'package/README.md']));
  });

  it('`npx courseware-check --quick FILE` checks the file and names it', async () => {
    const run = await inProject('npx', ['--no-install', 'courseware-check', '--quick', lesson]);
    expect([0, 1], run.stderr).toContain(run.exitCode);
    expect(run.stdout).toContain(basename(lesson));
    expect(run.stdout).toMatch(/container\.mp4|video\.codec/);
    expect(run.stderr).not.toMatch(/ExperimentalWarning|ERR_/);
  });

  it('`npx courseware-check --help` prints the usage and exits 0', async () => {
    const run = await inProject('npx', ['--no-install', 'courseware-check', '--help']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('courseware-check [PATH ...]');
    expect(run.stdout).toContain('--quick');
  });

  it('`npx courseware-check` with no path, and no sample-media/ beside it, says how to use it and exits 2', async () => {
    const run = await inProject('npx', ['--no-install', 'courseware-check']);
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^courseware-check: .*courseware-check \S+.*--help/);
    expect(run.stderr).not.toContain('sample-media');
  });

  it('a plain Node ESM script imports @courseware-check/checker-core, probes and checks the file', async () => {
    await writeFile(
      join(project, 'verdict.mjs'),
      [
        "import { exitCodeOf, probeMedia, run } from '@courseware-check/checker-core';",
        'const file = process.argv[2];',
        'const facts = await probeMedia(file);',
        "const report = await run({ paths: [file], profile: 'web', quick: true, jobs: 1 });",
        'const [result] = report.files;',
        'console.log(JSON.stringify({ path: result.path, video: facts.video?.codec, status: result.status, exit: exitCodeOf(report), rules: result.findings.map((f) => f.rule) }));',
      ].join('\n'),
    );
    const run = await inProject('node', ['verdict.mjs', lesson]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const verdict = JSON.parse(run.stdout) as { path: string; video: string; status: string; exit: number; rules: string[] };
    expect(verdict.path).toBe(lesson);
    expect(verdict.video).toBe('h264');
    expect(['pass', 'warn', 'fail']).toContain(verdict.status);
    expect([0, 1]).toContain(verdict.exit);
    expect(verdict.rules).toEqual(expect.arrayContaining(['container.mp4', 'video.codec', 'audio.codec']));
  });
});

describe('in the repository', () => {
  it('`pnpm exec courseware-check` runs the built command from the root', async () => {
    const run = await execa('pnpm', ['exec', 'courseware-check', '--quick', '--format', 'json', lesson], { cwd: REPO_ROOT, reject: false });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).files[0].path).toBe(lesson);
  });
});
