import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProjectRule, rules, SCHEMA_VERSION } from '@courseware-check/checker-core';
import { checkJson, REPO_ROOT, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

let good: string;
let small: string;
let scratch: string;

beforeAll(async () => {
  good = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  small = await withSidecar(await makeMedia('small.mp4', [...testPicture({ size: '640x360' }), ...testSound(), ...H264, ...AAC]));
  scratch = await mkdtemp(join(tmpdir(), 'cli-'));
});

describe('the command line of REPORT.md', () => {
  it('accepts the literal `--` that pnpm passes: `pnpm run check -- --format json FILE`', async () => {
    const { stdout, exitCode } = await execa('pnpm', ['run', '--silent', 'check', '--', '--format', 'json', good], { cwd: REPO_ROOT, reject: false });
    expect(exitCode).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.files[0].path).toBe(good);
  });

  it('names the tool and both pinned binaries with their versions', async () => {
    const { report } = await checkJson([good]);
    expect(report.tool).toMatchObject({ name: 'courseware-check', version: '0.1.0' });
    expect(report.tool.ffmpeg).toMatch(/^ffmpeg version \S+/);
    expect(report.tool.ffprobe).toMatch(/^ffprobe version 4\.0\.2/);
    expect(report.profile).toBe('web');
  });

  it('exit codes: 0 when nothing failed, 1 when a file failed', async () => {
    expect((await runCli([good])).exitCode).toBe(0); // warnings only
    expect((await runCli([good, small])).exitCode).toBe(1);
  });

  it('exit code 2 and a message for a bad option, a bad value or a bad profile', async () => {
    const unknown = await runCli(['--colour-cast', good]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown argument/);
    expect((await runCli(['--format', 'pdf', good])).exitCode).toBe(2);
    expect((await runCli(['--jobs', '0', good])).stderr).toMatch(/--jobs must be a whole number ≥ 1/);
    const profile = join(scratch, 'bad.json');
    await writeFile(profile, JSON.stringify({ extends: 'web', rules: { 'video.sharpness': 'off' } }));
    const bad = await runCli(['--profile', profile, good]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('unknown rule "video.sharpness"');
    expect(bad.stdout).toBe('');
  });

  it('--quick runs the rules that need no decoding and skips the others, saying why', async () => {
    const { report } = await checkJson(['--quick', good]);
    expect(report.options.quick).toBe(true);
    const quickRules = rules.filter((r) => r.needs.every((n) => n === 'probe' || n === 'packets' || n === 'subtitles')).map((r) => r.id);
    const findings = report.files[0]!.findings;
    expect(new Set(findings.filter((f) => f.status !== 'skip').map((f) => f.rule))).toEqual(new Set(quickRules));
    const skipped = findings.filter((f) => f.status === 'skip');
    expect(skipped.map((f) => f.rule)).toEqual(expect.arrayContaining(['audio.snr', 'audio.loudness']));
    expect(skipped.every((f) => f.message === 'not run in --quick mode (needs decoding)')).toBe(true);
    expect(report.files[0]!.facts!.audioAnalysis).toBeUndefined();
  });

  it('--profile archive raises the video floor to 4 Mbps', async () => {
    const lowish = await makeMedia('2mbps.mp4', [...testPicture(), ...testSound(), ...H264, '-b:v', '2M', '-maxrate', '2M', '-bufsize', '2M', ...AAC]);
    const web = (await checkJson([lowish])).report.files[0]!.findings.find((f) => f.rule === 'video.bitrate')!;
    const archive = (await checkJson(['--profile', 'archive', lowish])).report;
    expect(web.status).toBe('pass');
    expect(archive.profile).toBe('archive');
    expect(archive.files[0]!.findings.find((f) => f.rule === 'video.bitrate')).toMatchObject({ status: 'fail', expected: expect.stringContaining('4 Mbps') });
  });

  it('a user profile can turn a rule off and change a severity', async () => {
    const profile = join(scratch, 'lenient.yaml');
    await writeFile(profile, 'name: lenient\nextends: web\nrules:\n  video.duration: off\n  video.resolution: warning\n');
    const { report, run } = await checkJson(['--profile', profile, small]);
    const ids = report.files[0]!.findings.map((f) => f.rule);
    expect(ids).not.toContain('video.duration');
    expect(report.files[0]!.findings.find((f) => f.rule === 'video.resolution')).toMatchObject({ status: 'warn', severity: 'warning' });
    expect(report.files[0]!.status).toBe('warn');
    expect(run.exitCode).toBe(0);
  });

  it('--output writes the report to a file and keeps stdout clean', async () => {
    const out = join(scratch, 'report.json');
    const run = await runCli(['--format', 'json', '--output', out, good]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(await readFile(out, 'utf8')).files).toHaveLength(1);
  });

  it('-o and --output-file are --output; `-o -` is standard output', async () => {
    for (const flag of ['-o', '--output-file']) {
      const out = join(scratch, `report${flag}.json`);
      const run = await runCli(['--format', 'json', flag, out, good]);
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`json report written to ${out}`);
      expect(JSON.parse(await readFile(out, 'utf8')).files).toHaveLength(1);
    }
    const dash = await runCli(['--format', 'json', '-o', '-', good]);
    expect(JSON.parse(dash.stdout).files).toHaveLength(1);
  });

  it('JUnit: valid XML, one suite per file, one case per rule, failures for failing error rules', async () => {
    const { stdout } = await runCli(['--format', 'junit', good, small, join(scratch, 'nope.mp4')]);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout);
    const suites = xml.testsuites.testsuite;
    expect(suites).toHaveLength(3);
    // Every file rule (project rules judge projects, `--project`).
    expect(suites[0].testcase).toHaveLength(rules.filter((r) => !isProjectRule(r)).length);
    expect(suites[0].failures).toBe('0');
    const failing = suites[1].testcase.filter((c: { failure?: unknown }) => c.failure).map((c: { name: string }) => c.name);
    expect(failing).toContain('video.resolution');
    expect(suites[2].errors).toBe('1');
    expect(suites[2].testcase.error.message).toBe('no such file');
  });

  it('the text report lists failures first, what was measured in words and what is expected, then a summary line', async () => {
    const { stdout } = await runCli(['--locale', 'en', small]);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`FAIL  ${small}`);
    expect(lines[2]).toMatch(/✗ error\s+video\.resolution: displayed 640×360: below 720p; export at 720p or more/);
    expect(lines[3]).toMatch(/^\s+expected shorter side ≥ 720 px$/);
    expect(stdout).not.toMatch(/shortSidePx|measured /);
    expect(stdout).toMatch(/1 file\(s\): 0 passed, 0 with warnings, 1 failed, 0 could not be checked — profile web/);
  });

  it('with no path, checks the bundled sample-media/', async () => {
    const { report } = await checkJson([]);
    expect(report.files.length).toBeGreaterThan(0);
    expect(report.files.every((f) => f.path.startsWith('sample-media/'))).toBe(true);
  });
});
