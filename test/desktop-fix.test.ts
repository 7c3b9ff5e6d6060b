import { copyFile, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffprobePath } from '@courseware-check/checker-core';
import { startHarness, type Harness } from '../packages/desktop/src/browser/server.js';
import { CheckerService } from '../packages/desktop/src/main/checker-service.js';
import { InvalidMessage, validateFileIndex, validatePath } from '../packages/desktop/src/shared/validate.js';
import { launchChromium } from './helpers/chromium.js';
import { REPO_ROOT } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';

/**
 * "修复" in the window, through the browser harness in headless Chromium against the real fixer:
 * a lesson made here at 30 fps with mono 44.1 kHz sound (it fails video.frame-rate,
 * audio.sample-rate and audio.channels) is checked, its plan shown, fixed with progress, and the
 * re-check shows those rules passing. The output is in the harness's own folder; nothing is
 * written beside the lesson; the new endpoints refuse a wrong token, Host or Origin.
 */

const DESKTOP = join(REPO_ROOT, 'packages/desktop');
const ARTIFACTS = join(REPO_ROOT, 'test/.artifacts');
const FIXED_RULES = ['video.frame-rate', 'audio.sample-rate', 'audio.channels'];
/** Long enough that the encode reports its progress several times (ffmpeg reports twice a second; about 25 times for these 8 s). */
const DURATION_S = 8;

let harness: Harness;
let browser: Browser;
let page: Page;
let lessonDir: string;
let lesson: string;

beforeAll(async () => {
  await execa('node', ['build.mjs'], { cwd: DESKTOP });
  const made = await makeMedia('desktop-fix-30fps-mono-44k.mp4', [
    ...testPicture({ fps: '30', durationS: DURATION_S }),
    ...testSound({ rateHz: 44100, channels: 1, durationS: DURATION_S }),
    ...H264,
    ...AAC,
  ]);
  // A folder of its own, so that anything written beside the lesson would show.
  lessonDir = await mkdtemp(join(tmpdir(), 'desktop-fix-lesson-'));
  lesson = join(lessonDir, 'lesson-30fps.mp4');
  await copyFile(made, lesson);
  await writeFile(join(lessonDir, 'lesson-30fps.srt'), '1\n00:00:00,500 --> 00:00:01,800\n欢迎来到本课程。\n');
  harness = await startHarness(join(DESKTOP, 'dist/renderer'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.url);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  if (lessonDir) await rm(lessonDir, { recursive: true, force: true });
});

/**
 * Records every text the fix's progress line shows, from now on: read from the mutation records
 * (what was removed and added, in order), not from the line when the observer runs, which sees
 * only the last of several renders in one task (events that arrive together are rendered together).
 */
async function recordProgress(): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { fixProgress: string[] }).fixProgress = seen;
    const note = (text: string | null | undefined) => {
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    const activityTexts = (node: Node, parent: Node): (string | null)[] => {
      if (node instanceof Element) return node.id === 'fix-activity' ? [node.textContent] : [...node.querySelectorAll('#fix-activity')].map((e) => e.textContent);
      return parent instanceof Element && parent.id === 'fix-activity' ? [node.textContent] : [];
    };
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'characterData') {
          if (record.target.parentElement?.id === 'fix-activity') note(record.oldValue);
          continue;
        }
        for (const node of record.removedNodes) activityTexts(node, record.target).forEach(note);
        for (const node of record.addedNodes) activityTexts(node, record.target).forEach(note);
      }
      note(document.getElementById('fix-activity')?.textContent);
    }).observe(document.getElementById('details')!, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
  });
}

const progressSeen = () => page.evaluate(() => (window as unknown as { fixProgress: string[] }).fixProgress);

describe('修复 in the window (browser harness, headless Chromium, the real fixer)', () => {
  it('checks the lesson and offers 修复 on it', async () => {
    page.once('dialog', (dialog) => void dialog.accept(lesson));
    await page.click('#pick-files');
    await page.waitForSelector('#file-list li[data-status="fail"]', { timeout: 280_000 });
    await page.click('#file-list li');
    expect(await page.textContent('#fix-open')).toBe('修复…');
  }, 300_000);

  it('shows the plan: the steps per rule, and what cannot be fixed', async () => {
    await page.click('#fix-open');
    await page.waitForSelector('#fix-panel[data-stage="plan"]');
    for (const rule of FIXED_RULES) {
      const row = page.locator(`#fix-panel tr[data-rule="${rule}"]`);
      expect(await row.getAttribute('data-fix')).toBe('fix');
      expect(await row.locator('.badge').textContent()).toBe('将修复');
    }
    expect(await page.textContent('#fix-panel tr[data-rule="video.frame-rate"] .message')).toMatch(/^将帧率由30转为恒定(25|29\.97) fps/);
    expect(await page.textContent('#fix-panel tr[data-rule="audio.sample-rate"] .message')).toBe('将声音由44.1 kHz重采样为48 kHz');
    expect(await page.textContent('#fix-panel tr[data-rule="video.frame-rate"] .before-after')).toBe('修复前: 不通过 30');
    // A lesson of 12 s is too short, and that no fix can change: said so, not "fixed".
    const duration = page.locator('#fix-panel tr[data-rule="video.duration"]');
    expect(await duration.getAttribute('data-fix')).toBe('cannot-fix');
    expect(await duration.locator('.message').textContent()).toMatch(/无法加长/);
    // The one encode, named by the file it writes (the folder is chosen next).
    expect(await page.$$eval('#fix-panel .fix-steps li', (items) => items.map((li) => li.textContent))).toEqual(['写出lesson-30fps.mp4']);
    expect(await page.textContent('#fix-run')).toBe('开始修复');
  });

  it('runs it with the encode’s percent and time left, and shows the re-check: the rules pass', async () => {
    const before = await readdir(lessonDir);
    await recordProgress();
    const startedAt = Date.now();
    await page.click('#fix-run');
    await page.waitForSelector('#fix-panel[data-stage="done"]', { timeout: 560_000 });
    const elapsedS = (Date.now() - startedAt) / 1000;
    const seen = await progressSeen();
    const percents = seen.flatMap((text) => [...text.matchAll(/(\d+)%/g)].map((m) => Number(m[1])));
    console.log(`fix of a ${DURATION_S} s lesson in the window: ${elapsedS.toFixed(1)} s; progress lines: ${seen.length}; percents shown: ${percents.join(' ')}`);
    expect(seen).toContain('正在检查原文件…');
    expect(seen).toContain('正在复查修复后的文件…');
    expect(seen.some((text) => text.startsWith('第 1/1 步：写出lesson-30fps.mp4'))).toBe(true);
    // Percent of the encode, rising, some of it part-way, with an estimate of the time left.
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(seen.some((text) => /约剩 \d+ s/.test(text))).toBe(true);

    expect(await page.getAttribute('#fix-panel .fix-outcome', 'data-outcome')).toBe('fixed');
    expect(await page.textContent('#fix-panel .fix-outcome')).toBe('已修复：所有修复的规则均通过');
    for (const rule of FIXED_RULES) {
      const row = page.locator(`#fix-panel tr[data-rule="${rule}"]`);
      expect(await row.getAttribute('data-after')).toBe('pass');
      expect(await row.locator('.badge').textContent()).toBe('已修复');
    }
    expect(await page.textContent('#fix-panel tr[data-rule="video.frame-rate"] .before-after')).toMatch(/^修复前: 不通过 30 → 修复后: 通过 (25|29\.97\d*)$/);
    expect(await page.textContent('#fix-panel tr[data-rule="audio.channels"] .before-after')).toBe('修复前: 不通过 1 → 修复后: 通过 2');
    await mkdir(ARTIFACTS, { recursive: true });
    await page.evaluate(() => document.getElementById('details')!.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'app-fix.png') });

    // The fixed lesson and its subtitles are in a folder of the harness's own; nothing beside the original.
    const outputs = await page.$$eval('#fix-panel .fix-outputs li', (items) => items.map((li) => li.getAttribute('data-output')!));
    expect(outputs.map((p) => p.split('/').pop())).toEqual(['lesson-30fps.mp4', 'lesson-30fps.srt']);
    for (const output of outputs) expect(output.startsWith(harness.outputs + '/')).toBe(true);
    expect(await readdir(lessonDir)).toEqual(before);
    const probe = await execa(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=avg_frame_rate', '-of', 'csv=p=0', outputs[0]!]);
    expect(['25/1', '30000/1001']).toContain(probe.stdout.trim());

    // Offered for download: the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fix-panel .fix-outputs li:first-child button')]);
    expect(download.suggestedFilename()).toBe('lesson-30fps.mp4');
    expect((await stat((await download.path())!)).size).toBe((await stat(outputs[0]!)).size);
  }, 600_000);

  it('follows the window’s language, the fixer’s sentences included', async () => {
    await page.click('#ui-language');
    expect(await page.textContent('#fix-panel .fix-outcome')).toBe('fixed: every fixed rule passes');
    expect(await page.textContent('#fix-panel tr[data-rule="audio.channels"] .badge')).toBe('fixed');
    expect(await page.textContent('#fix-panel tr[data-rule="audio.channels"] .before-after')).toBe('before: fail 1 → after: pass 2');
    await page.click('#ui-language');
  });

  it('cancels a fix during the encode, leaving no half-written file', async () => {
    await page.click('#fix-close');
    await page.click('#fix-open');
    await page.waitForSelector('#fix-panel[data-stage="plan"]');
    await page.click('#fix-run');
    await page.waitForFunction(() => /\d+%/.test(document.getElementById('fix-activity')?.textContent ?? '') && document.getElementById('fix-activity')!.textContent!.includes('写出'), null, { timeout: 120_000 });
    const folder = (await page.textContent('#fix-panel .fix-dir'))!.replace(/^写入 /, '');
    expect(folder.startsWith(harness.outputs + '/')).toBe(true);
    await page.click('#fix-cancel');
    await page.waitForSelector('#fix-panel[data-stage="done"]', { timeout: 60_000 });
    expect(await page.textContent('#fix-panel .fix-outcome')).toBe('修复已取消：没有留下未写完的文件。');
    expect(await readdir(folder)).toEqual([]);
  }, 300_000);
});

/** One HTTP request over loopback with the headers as given (http.request: fetch cannot set Host). */
function call(path: string, headers: Record<string, string>, body: string): Promise<number> {
  const port = Number(new URL(harness.origin).port);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode!));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('the fix endpoints keep the harness’s checks', () => {
  const runId = `run-${'0'.repeat(32)}`;
  const endpoints: [string, unknown][] = [
    ['/api/plan-fix', { runId, index: 0 }],
    ['/api/start-fix', { runId, index: 0 }],
    ['/api/fixed', { runId, output: '/etc/passwd' }],
  ];

  it.each(endpoints)('%s refuses a wrong token, Host or Origin (403), and does nothing', async (path, body) => {
    const port = Number(new URL(harness.origin).port);
    const token = { 'x-courseware-token': harness.token };
    const before = await readdir(harness.outputs);
    const json = JSON.stringify(body);
    expect(await call(path, {}, json)).toBe(403);
    expect(await call(path, { 'x-courseware-token': `${harness.token}x` }, json)).toBe(403);
    for (const host of ['evil.example:' + port, `127.0.0.1:${port + 1}`, `localhost:${port + 1}`]) expect(await call(path, { ...token, host }, json)).toBe(403);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null']) expect(await call(path, { ...token, origin }, json)).toBe(403);
    expect(await call(path, { ...token, 'sec-fetch-site': 'cross-site' }, json)).toBe(403);
    // With the token, another page's run (or none) is not found, and a malformed one is refused.
    expect(await call(path, token, json)).toBe(404);
    expect(await call(path, token, JSON.stringify({ ...(body as object), runId: '../x' }))).toBe(400);
    expect(await readdir(harness.outputs)).toEqual(before);
  });

  it('hands out only files a fix of the page’s own wrote', async () => {
    const fixId = (await page.getAttribute('#fix-panel', 'data-fix-id'))!;
    expect(fixId).toMatch(/^run-[0-9a-f]{32}$/);
    const refusal = (id: string, output: string) => page.evaluate(([i, o]) => window.checker.openFixed(i!, o!).then(() => 'handed out', (e: Error) => e.message), [id, output]);
    expect(await refusal(fixId, '/etc/passwd')).toMatch(/wrote no such file/);
    expect(await refusal(`run-${'1'.repeat(32)}`, '/etc/passwd')).toBe('no such fix');
  });
});

describe('the fix messages’ arguments, as IPC checks them', () => {
  it('takes a file index and an output path only when well-formed', () => {
    expect(validateFileIndex(0)).toBe(0);
    expect(validateFileIndex(9999)).toBe(9999);
    for (const bad of [-1, 1.5, 10_000, '0', null, Number.NaN, Infinity]) expect(() => validateFileIndex(bad)).toThrow(InvalidMessage);
    expect(validatePath('/tmp/a.mp4')).toBe('/tmp/a.mp4');
    for (const bad of ['', 'a\0b', 'x'.repeat(4097), 3, ['/tmp/a.mp4']]) expect(() => validatePath(bad)).toThrow(InvalidMessage);
  });

  it('plans, fixes and hands out files only of runs the service knows', async () => {
    const service = new CheckerService();
    const unknown = `run-${'2'.repeat(32)}`;
    await expect(service.planFix(unknown, 0)).rejects.toThrow(InvalidMessage);
    await expect(service.startFix(unknown, 0, tmpdir(), () => {})).rejects.toThrow(InvalidMessage);
    await expect(service.fixedFile(unknown, '/etc/passwd')).rejects.toThrow(InvalidMessage);
  });
});
