/**
 * `pnpm docs:screenshots`: the pictures in docs/, taken in headless Chromium from the real thing —
 * the HTML report of sample-media/, and the desktop window after checking the sample lessons.
 * (A CJK font must be installed for the Chinese text, e.g. Debian's fonts-wqy-microhei.)
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { startHarness } from '../packages/desktop/src/browser/server.js';
import { launchChromium } from '../test/helpers/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DOCS = join(ROOT, 'docs');
const browser = await launchChromium();
try {
  const report = join(await mkdtemp(join(tmpdir(), 'report-')), 'report.html');
  await execa('node', [join(ROOT, 'packages/cli/bin/courseware-check.js'), '--format', 'html', '--locale', 'zh', '--output', report, join(ROOT, 'sample-media')], { reject: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
  await page.goto(`file://${report}`);
  await page.screenshot({ path: join(DOCS, 'html-report.png') });

  await execa('node', ['build.mjs'], { cwd: join(ROOT, 'packages/desktop') });
  const harness = await startHarness(join(ROOT, 'packages/desktop/dist/renderer'));
  const app = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await app.goto(harness.url);
  const names = (await readdir(join(ROOT, 'sample-media'))).filter((n) => /\.(mp4|mov|srt)$/.test(n));
  const files = await Promise.all(names.map(async (name) => ({ name, base64: (await readFile(join(ROOT, 'sample-media', name))).toString('base64') })));
  const transfer = await app.evaluateHandle((list) => {
    const data = new DataTransfer();
    for (const { name, base64 } of list) data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return data;
  }, files);
  await app.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer });
  await app.waitForFunction(() => [...document.querySelectorAll('#file-list li')].length > 0 && [...document.querySelectorAll('#file-list li')].every((li) => ['pass', 'warn', 'fail', 'error'].includes(li.getAttribute('data-status') ?? '')), null, { timeout: 120_000 });
  await app.click('#file-list li[data-path$="lesson-05-edit-glitch.mp4"]');
  await app.screenshot({ path: join(DOCS, 'app-after-check.png') });
  await harness.close();
} finally {
  await browser.close();
}
