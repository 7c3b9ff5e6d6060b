import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';
import type { FileResult, Finding, Report } from '@courseware-check/checker-core';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../packages/cli/bin/courseware-check.js', import.meta.url));

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment a test starts from, whatever the machine's: English messages, no colours asked
 * for; a test that studies these sets them itself.
 */
const NEUTRAL_ENV = {
  LC_ALL: undefined,
  LC_MESSAGES: undefined,
  LANG: 'C.UTF-8',
  NO_COLOR: undefined,
  FORCE_COLOR: undefined,
};

/**
 * A result-cache folder of its own for each command (under the run's, test/helpers/cache-root.ts): a
 * verdict one test cached must not stand in for the checking another test watches. A test of the
 * cache passes its folder in `env`.
 */
const freshCacheDir = () => join(process.env.COURSEWARE_CHECK_CACHE_DIR ?? join(tmpdir(), 'courseware-check-test-cache'), randomUUID());

/** A command's options: from the repository, the neutral environment and a fresh cache folder, unless the test says otherwise. */
function asUser(options: Options): Options {
  return { reject: false, cwd: REPO_ROOT, ...options, env: { ...NEUTRAL_ENV, COURSEWARE_CHECK_CACHE_DIR: freshCacheDir(), ...options.env } };
}

/** Runs the real command line, as a user would, in a fresh process. */
export async function runCli(args: string[], options: Options = {}): Promise<CliRun> {
  const result = await execa('node', [BIN, ...args], asUser(options));
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/**
 * Runs the real command line with a module hook that names every module it resolves: the files it
 * loaded (`file:` URLs) and their code, in which esbuild names each bundled module in a comment
 * (`// ../checker-core/src/messages/zh.ts`).
 */
export async function loadedModules(args: string[], options: Options = {}): Promise<{ exitCode: number; files: string[]; code: string }> {
  const trace = `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }`;
  const hook = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(trace)}`)});`)}`;
  const run = await execa('node', ['--import', hook, BIN, ...args], asUser(options));
  const urls = String(run.stderr).split('\n').filter((line) => line.startsWith('LOADED ')).map((line) => line.slice('LOADED '.length));
  const files = urls.filter((url) => url.startsWith('file:'));
  const code = (await Promise.all(files.map((url) => readFile(new URL(url), 'utf8')))).join('\n');
  return { exitCode: run.exitCode ?? -1, files, code };
}

/** Runs the CLI with `--format json` and parses the report. */
export async function checkJson(args: string[], options: Options = {}): Promise<{ run: CliRun; report: Report }> {
  const run = await runCli(['--format', 'json', ...args], options);
  try {
    return { run, report: JSON.parse(run.stdout) as Report };
  } catch {
    throw new Error(`no JSON on stdout (exit ${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  }
}

export function findingOf(file: FileResult, rule: string): Finding {
  const finding = file.findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`${file.path}: no finding for ${rule} (has ${file.findings.map((f) => f.rule).join(', ')})`);
  return finding;
}

/** `{ rule id: status }` of a file's verdicts (first finding per rule). */
export function verdicts(file: FileResult): Record<string, Finding['status']> {
  const out: Record<string, Finding['status']> = {};
  for (const finding of file.findings) out[finding.rule] ??= finding.status;
  return out;
}
