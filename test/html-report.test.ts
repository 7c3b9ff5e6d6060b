import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, formatHtml, type FileResult } from '@courseware-check/checker-core';
import { checkJson } from './helpers/cli.js';
import { launchChromium } from './helpers/chromium.js';
import { REPO_ROOT } from './helpers/cli.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the HTML report in Chromium', () => {
  it('opens 1,000 files and filters them by status and by rule', async () => {
    // The sample lessons' real results, repeated to 1,000 files.
    const { report: sample } = await checkJson([join(REPO_ROOT, 'sample-media')]);
    const files: FileResult[] = Array.from({ length: 1000 }, (_, i) => ({ ...sample.files[i % sample.files.length]!, path: `course/${String(i).padStart(4, '0')}.mp4` }));
    const html = formatHtml(buildReport(files, { ...sample, versions: sample.tool, quick: false, language: 'zh' }));
    const path = join(await mkdtemp(join(tmpdir(), 'report-')), 'report.html');
    await writeFile(path, html);
    const page = await browser.newPage();
    const opened = performance.now();
    await page.goto(`file://${path}`);
    const openMs = performance.now() - opened;
    expect(await page.locator('details.file').count()).toBe(1000);
    expect(await page.textContent('#shown')).toBe('1000 / 1000');

    const filtered = performance.now();
    await page.selectOption('#status-filter', 'warn');
    const filterMs = performance.now() - filtered;
    expect(await page.textContent('#shown')).toBe('200 / 1000'); // lesson 01 of each five warns
    await page.selectOption('#status-filter', '');
    await page.selectOption('#rule-filter', 'video.flash');
    expect(await page.textContent('#shown')).toBe('200 / 1000'); // lesson 05's flash frame
    process.stdout.write(`HTML report of 1,000 files: ${(html.length / 1024 / 1024).toFixed(1)} MB, opened in ${openMs.toFixed(0)} ms, filtered in ${filterMs.toFixed(0)} ms\n`);
  });
});
