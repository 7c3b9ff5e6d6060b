import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, type Finding, type Report } from '@courseware-check/checker-core';
import { catalogues, renderStrict } from '@courseware-check/checker-core/messages';
import { makeAudioAnalysis, makeFacts, makeFrames, makeTrack, withFrames } from '../packages/checker-core/src/testing/make-facts.js';
import { runRule } from '../packages/checker-core/src/testing/run-rule.js';
import { checkJson, REPO_ROOT, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

const CORE = join(REPO_ROOT, 'packages/checker-core/src');
const CLI = join(REPO_ROOT, 'packages/cli/src');
/** The environment of a shell whose language is Chinese (only LANG set, as on most desktops). */
const CHINESE = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('--locale: every message a person reads, in Chinese or English', () => {
  it('LANG=zh_CN.UTF-8: the text report speaks Chinese, findings and chrome', async () => {
    const { stdout, exitCode } = await runCli(['sample-media'], { env: CHINESE });
    expect(exitCode).toBe(1);
    expect(stdout).toContain('✗ 不通过  video.frame-rate：帧率为 30 fps，须为 25 或 29.97 fps：导出时把帧率设为 29.97');
    expect(stdout).toContain('要求：25 或 29.97 fps，恒定帧率');
    expect(stdout).toContain('音频为单声道（mono），须为双声道（立体声）：导出时把声道设为立体声');
    expect(stdout).toMatch(/画面 H\.264 1280×720 30 fps/); // the facts line
    expect(stdout).toMatch(/共 5 个文件：0 个通过，1 个有警告，4 个不通过，0 个无法检查 — 规范 web/);
    // A verdict judged again with the folder's other lessons (the shared intro and outro) is marked so, in Chinese.
    expect(stdout).toMatch(/^不通过 {2}sample-media\/lesson-03-screen\.mov （已更新：与同一文件夹的其他课程一起重新判断）$/m);
    // No developer words left in what a person reads.
    expect(stdout).not.toMatch(/shortSidePx|programmeCast|measured /);
  });

  it('--locale en overrides the environment', async () => {
    const { stdout } = await runCli(['--locale', 'en', 'sample-media'], { env: CHINESE });
    expect(stdout).toContain('✗ error   video.frame-rate: frame rate is 30 fps; must be 25 or 29.97 fps: set it to 29.97 fps when exporting');
    expect(stdout).toMatch(/5 file\(s\): 0 passed, 1 with warnings, 4 failed, 0 could not be checked — profile web/);
    expect(stdout).toMatch(/^FAIL {2}sample-media\/lesson-03-screen\.mov \(revised: judged again with the other lessons of its folder\)$/m);
    // Only quoted subtitle lines and file names may hold Chinese.
    expect(stdout).not.toMatch(/须为|不通过|要求/);
  });

  it('JSON: messageId and params on every finding, message in the locale, the locale recorded; file errors too', async () => {
    const missing = join(await mkdtemp(join(tmpdir(), 'locale-')), 'gone.mp4');
    const { report } = await checkJson(['--locale', 'zh', 'sample-media', missing], { env: { LANG: '' } });
    expect(report.options.locale).toBe('zh');
    const findings = report.files.flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(100);
    for (const finding of findings) {
      expect(typeof finding.messageId, finding.rule).toBe('string');
      expect(finding.params, finding.rule).toBeTypeOf('object');
      expect(typeof finding.expectedId, finding.rule).toBe('string');
      // The message is the catalogue's, rendered from the id and parameters a script sees.
      expect(finding.message).toBe(renderStrict('zh', finding.messageId, finding.params));
      expect(finding.expected).toBe(renderStrict('zh', finding.expectedId, finding.expectedParams));
    }
    const frameRate = findings.find((f) => f.messageId === 'video.frame-rate/not-allowed')!;
    expect(frameRate).toMatchObject({ measured: 30, params: { fps: 30, allowedFps: [25, 29.97], suggestedFps: 29.97 }, message: '帧率为 30 fps，须为 25 或 29.97 fps：导出时把帧率设为 29.97' });
    const gone = report.files.find((f) => f.path === missing)!;
    expect(gone.error).toEqual({ code: 'not-found', message: '找不到这个文件：请检查文件名和位置', messageId: 'file-error/not-found', params: { detail: 'no such file' } });
  });

  it('the HTML report follows the locale', async () => {
    const zh = await runCli(['--format', 'html', '--locale', 'zh', 'sample-media/lesson-02-phone.mp4']);
    expect(zh.stdout).toContain('<html lang="zh">');
    expect(zh.stdout).toContain('帧率为 30 fps，须为 25 或 29.97 fps');
    const en = await runCli(['--format', 'html', '--locale', 'en', 'sample-media/lesson-02-phone.mp4']);
    expect(en.stdout).toContain('<html lang="en">');
    expect(en.stdout).toContain('frame rate is 30 fps; must be 25 or 29.97 fps');
  });
});

describe('status: a warning is a warning', () => {
  /** RULES.md, "Verdicts": status fail with severity warning never occurs. */
  const expectNoFailingWarning = (reports: Report[]) => {
    const findings = reports.flatMap((r) => r.files.flatMap((f) => f.findings.map((finding) => ({ path: f.path, ...finding }))));
    expect(findings.length).toBeGreaterThan(0);
    const wrong = findings.filter((f: Finding) => f.status === 'fail' && f.severity === 'warning');
    expect(wrong.map((f) => `${f.path} ${f.rule}`)).toEqual([]);
    return findings;
  };

  it('on the sample media and on test media, with the default profile and one that lowers error rules to warnings', async () => {
    const short = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
    const small = await withSidecar(await makeMedia('small.mp4', [...testPicture({ size: '640x360' }), ...testSound(), ...H264, ...AAC]));
    const folder = await mkdtemp(join(tmpdir(), 'locale-profile-'));
    const profile = join(folder, 'lenient.yaml');
    await writeFile(profile, 'name: lenient\nextends: web\nrules:\n  video.resolution: warning\n  video.frame-rate: warning\n  audio.channels: warning\n');
    const { report: sample } = await checkJson(['sample-media']);
    const { report: media } = await checkJson([short, small]);
    const { report: lenient } = await checkJson(['--profile', profile, 'sample-media', small]);
    const findings = expectNoFailingWarning([sample, media, lenient]);
    // The warning rules that are not met say so as warnings (video.duration: 4 s and 8 s lessons).
    expect(findings.filter((f) => f.rule === 'video.duration').every((f) => f.status === 'warn' && f.severity === 'warning')).toBe(true);
    const lowered = lenient.files.find((f) => f.path === small)!.findings.find((f) => f.rule === 'video.resolution')!;
    expect(lowered).toMatchObject({ status: 'warn', severity: 'warning', messageId: 'video.resolution/too-small' });
  });
});

describe('the message catalogues', () => {
  const ids = Object.keys(catalogues.en);

  it('zh and en have the same ids, every message parses, none is empty', () => {
    expect(Object.keys(catalogues.zh).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      for (const locale of ['zh', 'en'] as const) expect(catalogues[locale][id as keyof typeof catalogues.en].length, `${locale} ${id}`).toBeGreaterThan(0);
    }
  });

  it('every id the sources name is in both catalogues, and every id in them is used', async () => {
    // The core's layers that name messages, and the command line (its own words: `cli/…`).
    const sources = (await sourcesOf(['rules', 'engine', 'report', 'facts'])) + (await sourcesIn(CLI));
    const literal = /'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)?\/[a-z][a-z0-9.-]*)'/g;
    // Ids of the catalogues' groups: a rule's id, or one of the shared groups (other layers may have their own words).
    const groups = new Set([...rules.map((r) => r.id), 'skip', 'skipped', 'expected', 'subtitle', 'file-error', 'intro-outro', 'run', 'cli']);
    const named = new Set([...sources.matchAll(literal)].map((m) => m[1]!).filter((id) => groups.has(id.split('/')[0]!)));
    expect(named.size).toBeGreaterThan(100);
    // The command line's words are named in its sources, not only in the catalogues.
    expect([...named].filter((id) => id.startsWith('cli/')).length).toBeGreaterThan(60);
    const missing = [...named].filter((id) => !(id in catalogues.en) || !(id in catalogues.zh));
    expect(missing).toEqual([]);
    // File errors are named from their code (`file-error/${code}`): every code has its message.
    const codes = [...(await readFile(join(CORE, 'facts/finding.ts'), 'utf8')).matchAll(/\| '([a-z-]+)'/g)].map((m) => `file-error/${m[1]}`);
    expect(codes).toContain('file-error/truncated');
    const unused = ids.filter((id) => !named.has(id) && !codes.includes(id));
    expect(unused).toEqual([]);
  });

  it('every outcome of every rule has a message in both languages (facts of many kinds through every rule)', () => {
    const frames = withFrames(makeFrames(250, { yMean: Array.from({ length: 250 }, (_, i) => (i === 100 ? 200 : i >= 150 && i < 190 ? 5 : 100)) }));
    frames.audioAnalysis = makeAudioAnalysis();
    const variants = [
      makeFacts(),
      makeFacts({ video: null, audio: null }),
      makeFacts({ audio: null }),
      makeFacts({ durationS: 60, sizeBytes: 2 ** 31, subtitles: [makeTrack([['汉'.repeat(25)], ['an English line of some length']])] }),
      makeFacts({ kind: 'subtitle', subtitles: [makeTrack([])] }),
      frames,
    ];
    let count = 0;
    for (const rule of rules) {
      for (const facts of variants) {
        // runRule renders every finding in zh and en, strictly: an unknown id or a missing parameter throws.
        for (const finding of runRule(rule.id, facts)) {
          expect(finding.messageId, rule.id).toMatch(/\//);
          for (const locale of ['zh', 'en'] as const) expect(renderStrict(locale, finding.messageId, finding.params), `${rule.id} ${locale}`).not.toMatch(/\{|\}/);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(rules.length * variants.length);
  });
});

/** The TypeScript of the given layers of the core, tests left out. */
async function sourcesOf(layers: string[]): Promise<string> {
  const texts: string[] = [];
  for (const layer of layers) texts.push(await sourcesIn(join(CORE, layer)));
  return texts.join('\n');
}

/** The TypeScript under a folder, tests left out. */
async function sourcesIn(folder: string): Promise<string> {
  const texts: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) texts.push(await readFile(path, 'utf8'));
    }
  };
  await walk(folder);
  return texts.join('\n');
}
