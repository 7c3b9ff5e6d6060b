import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, Report } from '@courseware-check/checker-core';
import { parseArguments, type CheckArguments } from '../packages/cli/src/arguments.js';
import { checkJson, REPO_ROOT, runCli, verdicts } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';
import { card, moving, music, programme, speech } from './helpers/scenes.js';

const BIN = join(REPO_ROOT, 'packages/cli/bin/courseware-check.js');
/** An SGR sequence (colour, bold, dim): what NO_COLOR forbids. Erasing the progress line is not one. */
const SGR = /\u001b\[[0-9;]*m/;
/** The environment of a run that neither asks for colours nor forbids them. */
const NEUTRAL = { NO_COLOR: undefined, FORCE_COLOR: undefined, NODE_DISABLE_COLORS: undefined };

/** 4 s lessons: `good` passes with warnings (too short a lesson), `small` fails (640×360). */
let good: string;
let small: string;
/** A 90 s 1080p lesson, still decoding when the short one has long been printed. */
let long: string;
let avi: string;
let scratch: string;

beforeAll(async () => {
  good = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  small = await withSidecar(await makeMedia('small.mp4', [...testPicture({ size: '640x360' }), ...testSound(), ...H264, ...AAC]));
  long = await withSidecar(await makeMedia('interrupt-long.mp4', [...testPicture({ size: '1920x1080', durationS: 90 }), ...testSound({ durationS: 90 }), ...H264, ...AAC]));
  avi = await makeMedia('x.avi', [...testPicture(), ...testSound(), '-c:v', 'mpeg4', '-c:a', 'pcm_s16le']);
  scratch = await mkdtemp(join(tmpdir(), 'conventions-'));
});

const check = async (args: string[]) => (await parseArguments(args, { defaultJobs: 1, env: {}, stdoutIsTTY: false, stderrIsTTY: false })) as CheckArguments;

describe('-h and -v', () => {
  it('-h prints options, examples and the exit codes; -v the version, without loading the checker', async () => {
    const help = await runCli(['-h']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('-o, --output, --output-file');
    expect(help.stdout).toMatch(/--max-warnings\s+exit 1 when more than N warnings: rules not met at warning severity,\s+counted once per rule and file/);
    expect(help.stdout).toMatch(/Examples:[\s\S]*find \. -name '\*\.mp4' \| courseware-check -/);
    expect(help.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n[\s\S]*2 .*\n[\s\S]*130 /);
    expect(help.stdout).toContain('NO_COLOR');

    const packageVersion = JSON.parse(await readFile(join(REPO_ROOT, 'packages/cli/package.json'), 'utf8')).version;
    for (const flag of ['-v', '--version']) {
      // A binary that cannot run would fail any check: -v never looks for it.
      const run = await runCli([flag], { env: { FFMPEG_PATH: '/nonexistent/ffmpeg', FFPROBE_PATH: '/nonexistent/ffprobe' } });
      expect(run).toMatchObject({ exitCode: 0, stdout: `courseware-check ${packageVersion}`, stderr: '' });
    }
    const verbose = await runCli(['-v', '--verbose']);
    expect(verbose.exitCode).toBe(0);
    expect(verbose.stdout.split('\n')).toEqual([`courseware-check ${packageVersion}`, expect.stringMatching(/^ffmpeg version /), expect.stringMatching(/^ffprobe version 4\.0\.2/)]);
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet hides warnings and passing files, never failures; the summary still counts every file', async () => {
    const loud = await runCli([good, small]);
    expect(loud.stdout).toContain(`WARN  ${good}`);
    expect(loud.stdout).toMatch(/! warning video\.duration/);
    const quiet = await runCli(['--quiet', good, small]);
    expect(quiet.exitCode).toBe(1);
    expect(quiet.stdout).not.toContain(good);
    expect(quiet.stdout).not.toMatch(/! warning|✓|SKIP/);
    expect(quiet.stdout).toContain(`FAIL  ${small}`);
    expect(quiet.stdout).toMatch(/✗ error\s+video\.resolution/);
    expect(quiet.stdout).toMatch(/2 file\(s\): 0 passed, 1 with warnings, 1 failed/);
    // Only warnings: nothing but the summary.
    const onlyWarnings = await runCli(['-q', good]);
    expect(onlyWarnings.exitCode).toBe(0);
    expect(onlyWarnings.stdout).toMatch(/^1 file\(s\): 0 passed, 1 with warnings/);
  });

  it('--max-warnings N: exit 1 when more warnings than N (first finding of each rule, across files), else the verdict', async () => {
    const { report } = await checkJson([good]);
    const warnings = report.files[0]!.findings.filter((f, i, all) => all.findIndex((g) => g.rule === f.rule) === i && (f.status === 'warn' || (f.status === 'fail' && f.severity === 'warning')));
    expect(warnings.length).toBeGreaterThan(0);
    const zero = await runCli(['--max-warnings', '0', good]);
    expect(zero.exitCode).toBe(1);
    expect(zero.stderr).toContain(`courseware-check: ${warnings.length} warning(s), more than --max-warnings 0`);
    expect((await runCli(['--max-warnings', String(warnings.length), good])).exitCode).toBe(0);
    expect((await runCli(['--max-warnings', '1000', good])).exitCode).toBe(0);
    // Two files, the same warnings each: counted across files.
    const copy = join(scratch, 'good-copy.mp4');
    await copyFile(good, copy);
    await copyFile(good.replace(/\.mp4$/, '.srt'), copy.replace(/\.mp4$/, '.srt'));
    expect((await runCli(['--max-warnings', String(warnings.length), good, copy])).exitCode).toBe(1);
    expect((await runCli(['--max-warnings', String(2 * warnings.length), good, copy])).exitCode).toBe(0);
    // A failure is 1 whatever the warnings; a bad N is a bad command.
    expect((await runCli(['--max-warnings', '1000', small])).exitCode).toBe(1);
    expect((await runCli(['--max-warnings', '-1', good])).exitCode).toBe(2);
    expect((await runCli(['--max-warnings', 'many', good])).exitCode).toBe(2);
  });
});

describe('colours: NO_COLOR, FORCE_COLOR, a terminal', () => {
  it('FORCE_COLOR=1 paints the text report off a terminal; NO_COLOR wins over it; --color wins over NO_COLOR (no-color.org)', async () => {
    const plain = await runCli([small], { env: NEUTRAL });
    expect(plain.stdout).not.toMatch(SGR);
    const forced = await runCli([small], { env: { ...NEUTRAL, FORCE_COLOR: '1' } });
    expect(forced.stdout).toMatch(SGR);
    expect(forced.stdout).toContain(`\u001b[31mFAIL\u001b[39m`);
    expect((await runCli([small], { env: { ...NEUTRAL, FORCE_COLOR: '0' } })).stdout).not.toMatch(SGR);
    expect((await runCli([small], { env: { ...NEUTRAL, NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(SGR);
    expect((await runCli(['--color', small], { env: { ...NEUTRAL, NO_COLOR: '1' } })).stdout).toMatch(SGR);
    expect((await runCli(['--no-color', small], { env: { ...NEUTRAL, FORCE_COLOR: '1' } })).stdout).not.toMatch(SGR);
    expect((await runCli(['--color', small], { env: NEUTRAL })).stdout).toMatch(SGR);
    // A report written to a file is never painted.
    const out = join(scratch, 'forced.txt');
    await runCli(['-o', out, small], { env: { ...NEUTRAL, FORCE_COLOR: '1' } });
    expect(await readFile(out, 'utf8')).not.toMatch(SGR);
  });

  it('on a terminal (a pseudo-terminal from script(1)): colours, and none with NO_COLOR=1', async () => {
    const onTerminal = (env: Record<string, string | undefined>) =>
      execa('script', ['-q', '-e', '-c', `node ${BIN} --jobs 1 ${small}`, '/dev/null'], { cwd: REPO_ROOT, reject: false, env: { ...NEUTRAL, TERM: 'xterm', ...env } });
    const tty = await onTerminal({});
    expect(tty.stdout).toContain(small);
    expect(tty.stdout).toMatch(SGR);
    const noColor = await onTerminal({ NO_COLOR: '1' });
    expect(noColor.stdout).toContain(`FAIL  ${small}`);
    expect(noColor.stdout).not.toMatch(SGR);
  });
});

describe('--locale', () => {
  it('defaults from LC_ALL, then LC_MESSAGES, then LANG: zh… gives zh, anything else en; the option wins', async () => {
    const localeOf = async (env: NodeJS.ProcessEnv, args: string[] = []) =>
      ((await parseArguments([...args, good], { defaultJobs: 1, env, stdoutIsTTY: false, stderrIsTTY: false })) as CheckArguments).locale;
    expect(await localeOf({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(await localeOf({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(await localeOf({})).toBe('en');
    expect(await localeOf({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(await localeOf({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_TW.UTF-8' })).toBe('zh');
    expect(await localeOf({ LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: 'zh_CN' })).toBe('zh');
    expect(await localeOf({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en'])).toBe('en');
    expect(await localeOf({}, ['--locale', 'zh'])).toBe('zh');
    // --language stays the course language, apart from the locale.
    expect((await check(['--language', 'en', good])).language).toBe('en');
    expect((await check([good])).language).toBe('zh');
    expect((await runCli(['--locale', 'fr', good])).exitCode).toBe(2);
  });

  it('reaches run(): the report says the locale, from LANG unless --locale says otherwise', async () => {
    const localeOf = async (env: NodeJS.ProcessEnv, args: string[] = []) =>
      (await checkJson(['--quick', ...args, good], { env: { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...env } })).report.options.locale;
    expect(await localeOf({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(await localeOf({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(await localeOf({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(await localeOf({ LANG: 'zh_CN.UTF-8' }, ['--locale', 'en'])).toBe('en');
  });
});

describe('paths: -, globs, other video types', () => {
  it('- reads paths from standard input, one a line, blank lines ignored', async () => {
    const { run, report } = await checkJson(['--quick', '-'], { input: `${good}\n\n  \n${small}\r\n` });
    expect(run.exitCode).toBe(1);
    expect(report.files.map((f) => f.path)).toEqual([good, small]);
    // `find -print0`
    expect((await checkJson(['--quick', '-'], { input: `${small}\0${good}\0` })).report.files.map((f) => f.path)).toEqual([small, good]);
    // Beside named paths; nothing on standard input is a bad command, not the bundled samples.
    expect((await checkJson(['--quick', good, '-'], { input: `${small}\n` })).report.files.map((f) => f.path)).toEqual([good, small]);
    const empty = await runCli(['--quick', '-'], { input: '\n' });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('standard input ("-") held no paths');
    // After `--`, `-` is a file of that name.
    expect((await checkJson(['--quick', '--', '-'], { input: `${good}\n` })).report.files.map((f) => [f.path, f.error?.code])).toEqual([['-', 'not-found']]);
  });

  it('a quoted glob is expanded by the tool; one matching nothing is reported like a missing path', async () => {
    const folder = join(scratch, 'glob');
    await mkdir(join(folder, 'sub'), { recursive: true });
    for (const name of ['b.mp4', 'a.mp4', 'sub/c.mp4']) await copyFile(good, join(folder, name));
    await writeFile(join(folder, 'notes.txt'), 'not a lesson');
    const absolute = await checkJson(['--quick', `${folder}/*.mp4`]);
    expect(absolute.report.files.map((f) => f.path)).toEqual([join(folder, 'a.mp4'), join(folder, 'b.mp4')]);
    const relative = await checkJson(['--quick', '**/*.mp4'], { cwd: folder });
    expect(relative.report.files.map((f) => f.path)).toEqual(['a.mp4', 'b.mp4', join('sub', 'c.mp4')]);
    const none = await checkJson(['--quick', `${folder}/*.mkv`, good]);
    expect(none.run.exitCode).toBe(1);
    expect(none.report.files[0]).toMatchObject({ path: `${folder}/*.mkv`, status: 'error', error: { code: 'not-found' } });
    // A name that looks like a glob but exists is that file.
    const bracketed = join(folder, 'lesson [1].mp4');
    await copyFile(good, bracketed);
    expect((await checkJson(['--quick', bracketed])).report.files.map((f) => f.path)).toEqual([bracketed]);
  });

  it('an .avi named is checked and fails container.mp4; met while walking, it is skipped as "not a lesson video type"', async () => {
    const named = await checkJson(['--quick', avi]);
    expect(named.run.exitCode).toBe(1);
    expect(named.report.files[0]!.status).toBe('fail');
    expect(verdicts(named.report.files[0]!)['container.mp4']).toBe('fail');

    const folder = join(scratch, 'walk');
    await mkdir(folder, { recursive: true });
    await copyFile(avi, join(folder, 'old.avi'));
    await copyFile(good, join(folder, 'new.mp4'));
    await writeFile(join(folder, 'tool.ts'), 'export {};\n');
    const walked = await checkJson(['--quick', folder]);
    expect(walked.report.files.map((f) => f.path)).toEqual([join(folder, 'new.mp4')]);
    expect(walked.report.skipped).toEqual([
      expect.objectContaining({ path: join(folder, 'old.avi'), reason: expect.stringMatching(/^not a lesson video type \(\.avi/), messageId: 'skipped/not-a-lesson-type' }),
      expect.objectContaining({ path: join(folder, 'tool.ts'), reason: expect.stringMatching(/^not a lesson video type \(\.ts/), messageId: 'skipped/not-a-lesson-type' }),
    ]);
    expect((await runCli(['--quick', folder])).stdout).toContain(`SKIP  ${join(folder, 'old.avi')}: not a lesson video type`);
  });
});

/** Two lessons that open with the same title card and music: their intro is judged again once both are done. */
async function sharedIntroFolder(): Promise<string> {
  const lesson = (voice: { f0Hz: number; phraseS: number; pauseS: number; syllableHz: number; syllablePhase: number }) => [
    { video: card(7, false), audio: music(7, false) },
    { video: moving(16), audio: speech(16, voice) },
  ];
  const folder = await mkdtemp(join(tmpdir(), 'conventions-shared-'));
  await copyFile(await programme('shared-7-a', lesson({ f0Hz: 140, phraseS: 2.5, pauseS: 0.8, syllableHz: 4, syllablePhase: 0 })), join(folder, '01.mp4'));
  await copyFile(await programme('shared-7-b', lesson({ f0Hz: 210, phraseS: 3.1, pauseS: 0.6, syllableHz: 3.3, syllablePhase: 3.14159 })), join(folder, '02.mp4'));
  return folder;
}

describe('streaming: each file as it finishes', () => {
  /** Starts the check of the short lesson then the long one, one at a time; resolves with stdout as soon as `until` holds, while the check still runs. */
  async function firstOutput(args: string[], until: (stdout: string) => boolean): Promise<string> {
    const run = execa('node', [BIN, '--jobs', '1', ...args, good, long], { cwd: REPO_ROOT, reject: false, env: NEUTRAL });
    let stdout = '';
    run.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    try {
      for (let i = 0; i < 600 && !until(stdout); i++) {
        if (run.exitCode !== null) throw new Error(`the check ended before its first result was seen:\n${stdout}`);
        await sleep(100);
      }
      expect(until(stdout)).toBe(true);
      // The first result is out while the long lesson is still being checked.
      expect(run.exitCode).toBeNull();
      return stdout;
    } finally {
      run.kill('SIGTERM');
      await run;
    }
  }

  it('text: the first file’s block appears before the check ends', async () => {
    const stdout = await firstOutput([], (out) => out.includes(`WARN  ${good}\n`) && out.includes('\n\n'));
    expect(stdout).not.toContain(long);
    expect(stdout).not.toMatch(/file\(s\):/);
  });

  it('ndjson: a line per file as it finishes, with the shape of files[] of the JSON report', async () => {
    const stdout = await firstOutput(['--format', 'ndjson'], (out) => out.includes('\n'));
    const first = JSON.parse(stdout.split('\n')[0]!) as FileResult & { type: string; revised: boolean };
    expect(first).toMatchObject({ type: 'file', revised: false, path: good, status: 'warn', error: null });
    const { report } = await checkJson([good]);
    expect(Object.keys(first).filter((k) => k !== 'type' && k !== 'revised').sort()).toEqual(Object.keys(report.files[0]!).sort());
  });

  it('ndjson: lines parse, one per file, then one summary line; text and ndjson send a revised verdict again', async () => {
    const missing = join(scratch, 'nope.mp4');
    // One at a time, so that they finish in the order given.
    const run = await runCli(['--format', 'ndjson', '--quick', '--jobs', '1', good, small, missing]);
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines.slice(0, 3).map((l) => [l.type, l.path, l.status])).toEqual([
      ['file', good, 'warn'],
      ['file', small, 'fail'],
      ['file', missing, 'error'],
    ]);
    const summary = lines[3] as { type: string } & Omit<Report, 'files'>;
    expect(summary).toMatchObject({ type: 'summary', schemaVersion: 1, tool: { name: 'courseware-check' }, summary: { files: 3, pass: 0, warn: 1, fail: 1, error: 1 }, interrupted: false });
    expect(summary).not.toHaveProperty('files');

    const folder = await sharedIntroFolder();
    const ndjson = (await runCli(['--format', 'ndjson', '--jobs', '1', folder])).stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const files = ndjson.filter((l) => l.type === 'file');
    expect(files.slice(0, 2).map((l) => [l.path, l.revised])).toEqual([
      [join(folder, '01.mp4'), false],
      [join(folder, '02.mp4'), false],
    ]);
    const revised = files.slice(2);
    expect(revised.length).toBeGreaterThan(0);
    expect(revised.every((l) => l.revised === true)).toBe(true);
    // The last line of a path is its verdict: the shared intro, as the JSON report has it.
    const { report } = await checkJson(['--jobs', '1', folder]);
    for (const file of report.files) expect(files.findLast((l) => l.path === file.path).findings).toEqual(file.findings);
    expect(ndjson.at(-1)).toMatchObject({ type: 'summary', summary: report.summary });

    const text = (await runCli(['--jobs', '1', folder], { env: NEUTRAL })).stdout;
    const revisedPaths = [...new Set(revised.map((l) => l.path as string))];
    for (const path of revisedPaths) {
      // Printed twice: as it finished, then marked as its new verdict.
      expect(text.split('\n').filter((line) => line.includes(path) && /^(PASS|WARN|FAIL) /.test(line))).toEqual([
        expect.not.stringContaining('revised'),
        expect.stringMatching(/ \(revised: judged again with the other lessons of its folder\)$/),
      ]);
    }
    expect(text.trimEnd().split('\n').at(-2)).toMatch(/^2 file\(s\):/);
  });
});

describe('JUnit', () => {
  it('time and timestamp on each testsuite, time on each testcase; warnings are <system-out> lines that say "warning"', async () => {
    const { stdout } = await runCli(['--format', 'junit', good, small, join(scratch, 'nope.mp4')]);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(stdout);
    const suites = xml.testsuites.testsuite as { time: string; timestamp: string; testcase: { time: string; name: string; 'system-out'?: string; failure?: unknown }[] }[];
    expect(suites).toHaveLength(3);
    for (const suite of suites) {
      expect(suite.time).toMatch(/^\d+\.\d{3}$/);
      // junit-10.xsd takes any string; the stricter JUnit.xsd wants this pattern: local time, no zone.
      expect(suite.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(Math.abs(new Date(suite.timestamp).getTime() - Date.now())).toBeLessThan(10 * 60_000);
      for (const testcase of suite.testcase) expect(testcase.time).toMatch(/^\d+\.\d{3}$/);
    }
    expect(Number(suites[0]!.time)).toBeGreaterThan(0);
    // Rules cost nothing of their own: the decode they share is the suite's time.
    expect(suites[0]!.testcase.every((c) => c.time === '0.000')).toBe(true);
    const duration = suites[0]!.testcase.find((c) => c.name === 'video.duration')!;
    expect(duration.failure).toBeUndefined();
    expect(duration['system-out']).toMatch(/^warning: /);
    // Element order of junit-10.xsd inside a testcase: skipped, error, failure, system-out.
    expect(stdout).not.toMatch(/<system-out>[^<]*<\/system-out>\s*<(failure|error|skipped)/);
  });

  it('the engine measures each file: elapsedS and startedAt in the JSON report', async () => {
    const before = Date.now();
    const { report } = await checkJson(['--quick', good, join(scratch, 'nope.mp4')]);
    for (const file of report.files) {
      expect(file.elapsedS).toBeGreaterThanOrEqual(0);
      expect(new Date(file.startedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
  });
});
