import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../packages/desktop/src/browser/server.js';
import { launchChromium } from './helpers/chromium.js';
import { REPO_ROOT } from './helpers/cli.js';

const DESKTOP = join(REPO_ROOT, 'packages/desktop');
const SAMPLES = join(REPO_ROOT, 'sample-media');
export const ARTIFACTS = join(REPO_ROOT, 'test/.artifacts');

let harness: Harness;
let browser: Browser;
let page: Page;

/** Drops real files on the window the way a user's drag does: a DataTransfer of File objects. */
async function dropFiles(names: string[]): Promise<void> {
  const files = await Promise.all(names.map(async (name) => ({ name, base64: (await readFile(join(SAMPLES, name))).toString('base64') })));
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const { name, base64 } of list) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], name));
    }
    return data;
  }, files);
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
}

/** Waits until every file in the list has its verdict. */
async function verdicts(count: number): Promise<Record<string, string>> {
  await page.waitForFunction(
    (n) => {
      const rows = [...document.querySelectorAll('#file-list li')];
      return rows.length === n && rows.every((li) => ['pass', 'warn', 'fail', 'error'].includes(li.getAttribute('data-status') ?? ''));
    },
    count,
    { timeout: 120_000 },
  );
  return page.$$eval('#file-list li', (rows) => Object.fromEntries(rows.map((li) => [li.querySelector('.name')!.textContent!, li.getAttribute('data-status')!])));
}

const LESSONS = ['lesson-01-good.mp4', 'lesson-01-good.srt', 'lesson-02-phone.mp4', 'lesson-02-phone.srt', 'lesson-03-screen.mov', 'lesson-03-screen.srt', 'lesson-04-low-res-late-audio.mp4', 'lesson-04-low-res-late-audio.en.srt'];

beforeAll(async () => {
  await execa('node', ['build.mjs'], { cwd: DESKTOP });
  harness = await startHarness(join(DESKTOP, 'dist/renderer'));
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(harness.url);
  expect(errors).toEqual([]);
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('the desktop window in Chromium, against the real checker', () => {
  it('opens in Chinese, under a strict CSP, with the checker bridge and no Node', async () => {
    expect(await page.textContent('#title')).toBe('课件技术检查');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof window.checker.startCheck)).toBe('function');
    // The CSP forbids inline script: an injected one does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });

  it('shows each dropped lesson’s verdict, and a failing rule with its measured value', async () => {
    await dropFiles(LESSONS);
    expect(await verdicts(4)).toEqual({
      'lesson-01-good.mp4': 'warn',
      'lesson-02-phone.mp4': 'fail',
      'lesson-03-screen.mov': 'fail',
      'lesson-04-low-res-late-audio.mp4': 'fail',
    });
    await page.click('#file-list li[data-path$="lesson-02-phone.mp4"]');
    // The file as it was dropped, not the harness's copy of it.
    expect(await page.textContent('#details h2')).toBe('lesson-02-phone.mp4');
    const frameRate = page.locator('#details tr[data-rule="video.frame-rate"]');
    await expect(frameRate.getAttribute('class')).resolves.toBe('fail');
    // The window's language, findings included: what is wrong, in words and units, and what to do.
    expect(await frameRate.locator('.message').textContent()).toBe('帧率为 30 fps，须为 25 或 29.97 fps：导出时把帧率设为 29.97');
    expect(await frameRate.locator('.measured').textContent()).toBe('要求 25 或 29.97 fps，恒定帧率');
    // Failures first; what passed is collapsed; a rule with detail rows counts once.
    expect(await page.locator('#details details.passes').getAttribute('open')).toBeNull();
    expect(await page.locator('#details > table tr').first().getAttribute('class')).toBe('fail');
    expect(await page.textContent('#file-list li[data-path$="lesson-02-phone.mp4"] .count')).toBe('8 个问题');
    expect(await page.locator('#details tr[data-rule="subtitle.encoding"] .message').first().textContent()).toContain('GBK/GB18030');
    expect(await page.textContent('#status-line')).toBe('共 4 个文件：0 个通过，1 个有警告，3 个不通过，0 个无法检查');
    await page.screenshot({ path: join(ARTIFACTS, 'app-after-check.png') });
  });

  it('judges the same lessons again when the profile changes to archive (video ≥ 4 Mbps)', async () => {
    await page.selectOption('#profile-select', 'archive');
    const after = await verdicts(4);
    expect(after['lesson-01-good.mp4']).toBe('fail');
    await page.click('#file-list li[data-path$="lesson-01-good.mp4"]');
    const bitrate = page.locator('#details tr[data-rule="video.bitrate"]');
    expect(await bitrate.getAttribute('class')).toBe('fail');
    expect(await bitrate.locator('.message').textContent()).toMatch(/低于 4 Mbps：导出时把视频码率设为 4 Mbps 以上$/);
  });

  it('exports the results as a self-contained HTML report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-html')]);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain('课件技术检查报告');
    expect(html).toContain('lesson-02-phone.mp4');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).not.toMatch(/src="https?:/);
  });

  it('switches the interface to English', async () => {
    await page.click('#ui-language');
    expect(await page.textContent('#title')).toBe('Courseware check');
    // The findings follow, from their ids and parameters: no new check.
    expect(await page.locator('#details tr[data-rule="video.bitrate"] .message').textContent()).toMatch(/is below 4 Mbps: export at 4 Mbps or more$/);
    expect(await page.locator('#details tr[data-rule="video.bitrate"] .measured').textContent()).toBe('expected ≥ 4 Mbps');
    expect(await page.textContent('#status-line')).toBe('4 files: 0 pass, 0 with warnings, 4 fail, 0 could not be checked · saved to courseware-report.html');
    await page.screenshot({ path: join(ARTIFACTS, 'app-english-archive.png') });
  });

  it('opened from the printed address, token and all (the page reads it from there)', async () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/);
    expect(page.url()).toBe(harness.url);
    // The same page without the token loads, but the checker refuses it.
    const stranger = await browser.newPage();
    await stranger.goto(new URL('/', harness.url).href);
    const error = await stranger.evaluate(() => window.checker.startCheck({ paths: ['/'], profile: { kind: 'builtin', name: 'web' }, language: 'zh' }).then(() => 'started', (e: Error) => e.message));
    expect(error).toMatch(/refused this page/);
    await stranger.close();
  });

  it('refuses hostile requests at the harness as IPC does', async () => {
    const headers = { 'x-courseware-token': harness.token };
    const status = async (path: string, body: string) => (await fetch(new URL(path, harness.url), { method: 'POST', body, headers })).status;
    expect(await status('/api/start', '{"paths":"/","profile":{"kind":"builtin","name":"web"},"language":"zh"}')).toBe(400);
    expect(await status('/api/start', 'not json')).toBe(400);
    expect(await status('/api/export', '{"runId":"../../etc/passwd","format":"html"}')).toBe(400);
    expect((await fetch(new URL('/../../package.json', harness.url))).status).toBe(404);
    // An upload named with a path lands inside the uploads folder under its base name.
    const response = await fetch(new URL('/api/upload?batch=b1&name=..%2F..%2Fescape.mp4', harness.url), { method: 'POST', body: 'x', headers });
    expect((await response.json()).path).toBe(join(harness.uploads, 'b1', 'escape.mp4'));
    expect(await readdir(harness.uploads)).toContain('b1');
  });
});
