import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ProjectResult, Report } from '@courseware-check/checker-core';
import { startHarness } from '../packages/desktop/src/browser/server.js';
import { launchChromium } from './helpers/chromium.js';
import { checkJson, REPO_ROOT, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/**
 * `--project` through the real command line. Course A: three 4 s lessons, 01 and 02 at 1280×720
 * 25 fps, 03 at 1920×1080 30 fps; 02's sound 4 dB down (4 LU quieter: a gain moves the integrated
 * loudness by exactly as much). Course B: two copies of one conforming lesson, with subtitles.
 */
let courseA: string;
let courseB: string;
let report: Report;
let exitCode: number;
const project = (path: string): ProjectResult => report.projects!.find((p) => p.path === path)!;
const verdictOf = (p: ProjectResult, rule: string): Finding => p.findings.find((f) => f.rule === rule)!;

beforeAll(async () => {
  const [hd, quiet, fullHd] = await Promise.all([
    makeMedia('project-720p25.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]),
    makeMedia('project-720p25-quiet.mp4', [...testPicture(), ...testSound(), '-af', 'volume=-4dB', ...H264, ...AAC]),
    makeMedia('project-1080p30.mp4', [...testPicture({ size: '1920x1080', fps: '30' }), ...testSound(), ...H264, ...AAC]),
  ]);
  const root = await mkdtemp(join(tmpdir(), 'project-'));
  courseA = join(root, 'course-a');
  courseB = join(root, 'course-b');
  await mkdir(courseA);
  await mkdir(courseB);
  // Copies, not links: a walk does not follow a link out of the folder.
  await copyFile(hd, join(courseA, '01.mp4'));
  await copyFile(quiet, join(courseA, '02.mp4'));
  await copyFile(fullHd, join(courseA, '03.mp4'));
  const good = await withSidecar(await makeMedia('project-good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  for (const name of ['a', 'b']) {
    await copyFile(good, join(courseB, `${name}.mp4`));
    await copyFile(good.replace(/\.mp4$/, '.srt'), join(courseB, `${name}.srt`));
  }
  const run = await checkJson(['--project', '--locale', 'en', courseA, courseB]);
  report = run.report;
  exitCode = run.run.exitCode;
}, 120_000);

describe('--project: each folder given is a training project', () => {
  it('two project folders give two projects, each with its lessons and their total duration', () => {
    expect(report.projects!.map((p) => p.path)).toEqual([courseA, courseB]);
    const a = project(courseA);
    expect(a.lessons).toEqual(['01', '02', '03'].map((n) => join(courseA, `${n}.mp4`)));
    expect(project(courseB).lessons).toHaveLength(2);
    // The total is the sum of the lessons' own durations (their JSON facts), to 0.01 s.
    const sumS = report.files.filter((f) => a.lessons.includes(f.path)).reduce((sum, f) => sum + f.facts!.durationS!, 0);
    expect(sumS).toBeGreaterThan(11.9);
    expect(Math.abs(a.totalDurationS - sumS)).toBeLessThan(0.01);
    // A project's findings are shaped like a file's: rule, status, severity, messageId, params, message.
    for (const finding of a.findings) expect(Object.keys(finding)).toEqual(expect.arrayContaining(['rule', 'status', 'severity', 'messageId', 'params', 'message', 'expected']));
  });

  it('project.hours warns, once per project, with the count of lessons and the total', () => {
    const hours = project(courseA).findings.filter((f) => f.rule === 'project.hours');
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({ status: 'warn', severity: 'warning', messageId: 'project.hours/too-short', params: { lessons: 3, minHours: 40, lessonHourMin: 45 } });
    expect(hours[0]!.params.totalS).toBeCloseTo(project(courseA).totalDurationS, 2);
    expect(hours[0]!.message).toMatch(/^3 lessons, 0:12(\.\d)? in all: 0 class hours of 45 min, under the 40 a project should hold/);
  });

  it('the consistency rules name exactly the odd lessons, and the value most lessons share', () => {
    const a = project(courseA);
    const resolution = verdictOf(a, 'project.resolution-match');
    expect(resolution).toMatchObject({ status: 'warn', params: { resolution: '1280×720', odd: 1, common: 2 } });
    expect(resolution.message).toBe('1 lesson differs from the 1280×720 of 2 others: 03.mp4 (1920×1080); export every lesson at 1280×720');
    const frameRate = verdictOf(a, 'project.frame-rate-match');
    expect(frameRate.message).toBe('1 lesson differs from the 25 fps of 2 others: 03.mp4 (30 fps); export every lesson at 25 fps');
    const loudness = verdictOf(a, 'project.loudness-match');
    expect(loudness).toMatchObject({ status: 'warn', params: { odd: 1, common: 2 } });
    const [odd] = loudness.params.lessons as unknown as { params: { path: string; differenceLu: number; louder: boolean } }[];
    expect(odd!.params).toMatchObject({ path: '02.mp4', louder: false });
    // 4 dB of gain is 4 LU of integrated loudness, to the 0.1 LU the message shows.
    expect(Math.abs(odd!.params.differenceLu - 4)).toBeLessThanOrEqual(0.1);
    expect(loudness.message).toMatch(/^1 lesson is outside the 2 LU that 2 others share \(around -\d+(\.\d)? LUFS\): 02\.mp4 \(-\d+(\.\d)? LUFS, 4(\.\d)? LU quieter\)/);
    // Course B's lessons agree.
    expect(project(courseB).findings.filter((f) => f.rule !== 'project.hours').map((f) => f.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('project findings count like file findings: a failing project fails the run; a warning does not', async () => {
    expect(exitCode).toBe(1); // 03.mp4 fails video.frame-rate
    const folder = await mkdtemp(join(tmpdir(), 'project-profile-'));
    const strict = join(folder, 'strict.yaml');
    await writeFile(strict, 'extends: web\nrules:\n  project.hours: error\n');
    const failing = await checkJson(['--project', '--profile', strict, courseB]);
    expect(failing.report.files.every((f) => f.status !== 'fail' && f.status !== 'error')).toBe(true);
    expect(failing.report.projects![0]!.status).toBe('fail');
    expect(verdictOf(failing.report.projects![0]!, 'project.hours')).toMatchObject({ status: 'fail', severity: 'error' });
    expect(failing.run.exitCode).toBe(1);
    const warning = await checkJson(['--project', courseB]);
    expect(warning.report.projects![0]!.status).toBe('warn');
    expect(warning.run.exitCode).toBe(0);
    // A profile that asks for fewer class hours: 0.004 × 45 min = 10.8 s, which course A's 12 s meet and course B's 8 s do not.
    const lenient = join(folder, 'lenient.yaml');
    await writeFile(lenient, 'extends: web\nrules:\n  project.hours:\n    severity: error\n    options: { minHours: 0.004 }\n');
    const lowered = await checkJson(['--project', '--profile', lenient, courseA, courseB]);
    const [a, b] = lowered.report.projects!;
    expect(verdictOf(a!, 'project.hours')).toMatchObject({ status: 'pass', messageId: 'project.hours/pass' });
    expect(verdictOf(b!, 'project.hours')).toMatchObject({ status: 'fail' });
    const passing = await checkJson(['--project', '--profile', lenient, '--', courseA]);
    expect(verdictOf(passing.report.projects![0]!, 'project.hours').status).toBe('pass');
  }, 120_000);

  it('--max-warnings counts a project warning like a file warning', async () => {
    const { report: quick } = await checkJson(['--project', '--quick', courseB]);
    // Warnings as --max-warnings counts them: each rule's verdict (its first finding) that warns.
    const verdictWarnings = (findings: Finding[]) => [...new Map(findings.map((f) => [f.rule, f] as const)).values()].filter((f) => f.status === 'warn').length;
    const fileWarnings = quick.files.reduce((sum, f) => sum + verdictWarnings([...f.findings].reverse()), 0);
    expect(verdictWarnings(quick.projects![0]!.findings)).toBe(1); // project.hours
    const over = await runCli(['--project', '--quick', '--max-warnings', String(fileWarnings), courseB]);
    expect(over.exitCode).toBe(1);
    expect(over.stderr).toContain(`${fileWarnings + 1} warning(s), more than --max-warnings ${fileWarnings}`);
    expect((await runCli(['--project', '--quick', '--max-warnings', String(fileWarnings + 1), courseB])).exitCode).toBe(0);
  });

  it('without --project there are no project rules and no `projects` key', async () => {
    const { report: plain } = await checkJson([courseB]);
    expect('projects' in plain).toBe(false);
    expect(plain.files.flatMap((f) => f.findings).some((f) => f.rule.startsWith('project.'))).toBe(false);
  });

  it('--quick: the rules on probed facts judge; the loudness one needs the audio pass and says so', async () => {
    const { report: quick } = await checkJson(['--project', '--quick', courseA]);
    const [a] = quick.projects!;
    expect(a!.findings.map((f) => [f.rule, f.status])).toEqual([
      ['project.hours', 'warn'],
      ['project.resolution-match', 'warn'],
      ['project.frame-rate-match', 'warn'],
      ['project.loudness-match', 'skip'],
    ]);
    expect(a!.totalDurationS).toBeCloseTo(project(courseA).totalDurationS, 2);
  });
});

describe('--project in every format', () => {
  it('NDJSON: a {"type":"project"} line per project, after the files and before the summary line (which has no projects)', async () => {
    const { stdout } = await runCli(['--project', '--quick', '--format', 'ndjson', courseA, courseB]);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string; path?: string; projects?: unknown });
    expect(lines.map((l) => l.type)).toEqual(['file', 'file', 'file', 'file', 'file', 'project', 'project', 'summary']);
    expect(lines.filter((l) => l.type === 'project').map((l) => l.path)).toEqual([courseA, courseB]);
    expect(lines[5]).toMatchObject({ lessons: expect.any(Array), totalDurationS: expect.any(Number), status: 'warn', findings: expect.any(Array) });
    expect(lines.at(-1)!.projects).toBeUndefined();
  });

  it('JUnit: a testsuite per project, its project rules as cases; an error-severity failure is a <failure>', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'project-junit-'));
    const strict = join(folder, 'strict.json');
    await writeFile(strict, JSON.stringify({ extends: 'web', rules: { 'project.hours': 'error' } }));
    const { stdout } = await runCli(['--project', '--quick', '--format', 'junit', '--profile', strict, courseA]);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout);
    const suites = xml.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: unknown; 'system-out'?: string }[] }[];
    expect(suites).toHaveLength(4);
    const suite = suites[3]!;
    expect(suite).toMatchObject({ name: `project ${courseA}`, tests: '4', failures: '1' });
    expect(suite.testcase.map((c) => c.name)).toEqual(['project.hours', 'project.resolution-match', 'project.frame-rate-match', 'project.loudness-match']);
    expect(suite.testcase[0]!.failure).toBeDefined();
    expect(suite.testcase[1]!['system-out']).toMatch(/^warning: 1 lesson differs from the 1280×720 of 2 others: 03\.mp4/);
  });

  it('HTML: a project section with each project, its lessons and findings, in the locale', async () => {
    const en = await runCli(['--project', '--quick', '--format', 'html', '--locale', 'en', courseA]);
    expect(en.stdout).toContain('<section class="projects" id="projects">');
    expect(en.stdout).toContain('Training projects');
    expect(en.stdout).toMatch(/<details class="project" data-status="warn" open>.*3 lessons, 0:12(\.\d)? in all/);
    expect(en.stdout).toContain('1 lesson differs from the 1280×720 of 2 others: 03.mp4 (1920×1080)');
    const zh = await runCli(['--project', '--quick', '--format', 'html', '--locale', 'zh', courseA]);
    expect(zh.stdout).toContain('培训项目');
    expect(zh.stdout).toContain('1 个课程的分辨率与其他 2 个课程的 1280×720 不同：03.mp4（1920×1080）');
  });

  it('text, in English and in Chinese: a project section after the files, before the summary', async () => {
    const en = await runCli(['--project', '--locale', 'en', courseA]);
    const projectAt = en.stdout.indexOf(`WARN  project ${courseA}: 3 lesson(s), 0:12`);
    expect(projectAt).toBeGreaterThan(en.stdout.lastIndexOf(join(courseA, '03.mp4')));
    expect(projectAt).toBeLessThan(en.stdout.indexOf('3 file(s):'));
    expect(en.stdout).toContain('! warning project.hours: 3 lessons, 0:12');
    expect(en.stdout).toMatch(/! warning project\.loudness-match: 1 lesson is outside the 2 LU that 2 others share \(around -[\d.]+ LUFS\): 02\.mp4 \(-[\d.]+ LUFS, 4(\.\d)? LU quieter\)/);
    const zh = await runCli(['--project', '--locale', 'zh', courseA]);
    expect(zh.stdout).toContain(`警告  项目 ${courseA}：3 个课程，共 0:12`);
    expect(zh.stdout).toMatch(/! 警告 +project\.hours：3 个课程，共 0:12(\.\d)?，合 0 学时（每学时 45 分钟），不足一个项目应有的 40 学时/);
    expect(zh.stdout).toContain('1 个课程的帧率与其他 2 个课程的 25 fps 不同：03.mp4（30 fps）');
    expect(zh.stdout).toMatch(/02\.mp4（-[\d.]+ LUFS，轻 4(\.\d)? LU）/);
  }, 60_000);

  it('--help says what --project does, in both languages', async () => {
    expect((await runCli(['--help', '--locale', 'en'])).stdout).toMatch(/--project\s+each folder given is a training project/);
    expect((await runCli(['--help', '--locale', 'zh'])).stdout).toMatch(/--project\s+把给出的每个文件夹当作一个培训项目/);
  });
});

describe('--project in the app', () => {
  it('"按项目" checks a chosen folder as a project and shows its summary above the files', async () => {
    const desktop = join(REPO_ROOT, 'packages/desktop');
    await execa('node', ['build.mjs'], { cwd: desktop });
    const harness = await startHarness(join(desktop, 'dist/renderer'));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(harness.url);
      expect(await page.textContent('#as-projects-label')).toBe('按项目');
      await page.check('#as-projects');
      // The harness has no folder dialog: it asks for the path.
      page.on('dialog', (dialog) => void dialog.accept(courseA));
      await page.click('#pick-folder');
      await page.waitForSelector('#projects:not([hidden]) .project', { timeout: 120_000 });
      const card = page.locator(`#projects .project[data-path="${courseA}"]`);
      expect(await card.getAttribute('data-status')).toBe('warn');
      expect(await card.locator('.count').textContent()).toMatch(/^3 个课程，共 0:12/);
      expect(await card.locator('tr[data-rule="project.resolution-match"] .message').textContent()).toBe('1 个课程的分辨率与其他 2 个课程的 1280×720 不同：03.mp4（1920×1080）；请把所有课程都导出为 1280×720');
      expect(await card.locator('tr[data-rule="project.hours"] .badge').textContent()).toBe('警告');
      // The window's language switches the summary too.
      await page.click('#ui-language');
      expect(await card.locator('.count').textContent()).toMatch(/^3 lessons, 0:12(\.\d)? in all$/);
      // Unticked, the same folder is checked file by file: no projects shown.
      await page.uncheck('#as-projects');
      await page.waitForFunction(() => document.querySelector('#projects')!.hasAttribute('hidden') && document.querySelectorAll('#file-list li[data-status="fail"]').length > 0, undefined, { timeout: 120_000 });
      expect(await page.locator('#projects .project').count()).toBe(0);
    } finally {
      await browser.close();
      await harness.close();
    }
  }, 240_000);
});
