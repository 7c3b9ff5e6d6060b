import { copyFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, Finding, Report } from '@courseware-check/checker-core';
import { checkJson, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';

const srt = (...cues: [string, string, string][]) => cues.map(([start, end, text], i) => `${i + 1}\n${start} --> ${end}\n${text}\n`).join('\n');
const LONG_LINE = '本节课我们将详细介绍工业机器人示教器的全部操作方法'; // width 25

/** Sidecars of every kind beside copies of one conforming 4 s video. */
const SIDECARS: Record<string, { file: string; bytes: Buffer } | null> = {
  good: { file: 'good.srt', bytes: Buffer.from(srt(['00:00:00,500', '00:00:01,800', '欢迎来到本课程。'], ['00:00:02,000', '00:00:03,500', '今天学习数控机床。'])) },
  gbk: { file: 'gbk.srt', bytes: iconv.encode(srt(['00:00:00,500', '00:00:01,800', '这是用旧软件保存的字幕。']), 'gbk') },
  long: { file: 'long.zh.srt', bytes: Buffer.from(srt(['00:00:00,500', '00:00:01,000', '短句。'], ['00:00:01,200', '00:00:03,000', `第一行\n${LONG_LINE}`])) },
  english: { file: 'english.en.vtt', bytes: Buffer.from('WEBVTT\n\n00:00.500 --> 00:01.800\nWelcome to this lesson.\n\n00:02.000 --> 00:03.500\nToday we study CNC machine tools.\n') },
  overlap: { file: 'overlap.srt', bytes: Buffer.from(srt(['00:00:00,500', '00:00:02,000', '第一句'], ['00:00:01,500', '00:00:03,000', '第二句'], ['00:00:03,000', '00:00:09,000', '超出视频'])) },
  malformed: { file: 'malformed.srt', bytes: Buffer.from('1\n00:00:00,500 --> 00:00:01,000\n好\n\n2\n00:00:01,000-->00:00:02,000\n箭头\n\noops\n\n4\n00:00:02,500 --> 00:00:03,000\n最后\n') },
  missing: null,
};

let folder: string;
let report: Report;
const entry = (name: string): FileResult => report.files.find((f) => f.path === join(folder, name))!;
const findings = (name: string, rule: string): Finding[] => entry(name).findings.filter((f) => f.rule === rule);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'subtitles-'));
  const video = await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]);
  for (const [name, sidecar] of Object.entries(SIDECARS)) {
    await copyFile(video, join(folder, `${name}.mp4`));
    if (sidecar) await writeFile(join(folder, sidecar.file), sidecar.bytes);
  }
  // A subtitle stream inside the MP4 (mov_text), and a subtitle file with no video.
  const srtPath = join(folder, 'source-for-embedding.tmp');
  await writeFile(srtPath, srt(['00:00:00,500', '00:00:01,800', '内嵌字幕。']));
  const embedded = await makeMedia('embedded.mp4', ['-i', video, '-f', 'srt', '-i', srtPath, '-map', '0', '-map', '1', '-c', 'copy', '-c:s', 'mov_text']);
  await copyFile(embedded, join(folder, 'embedded.mp4'));
  await writeFile(join(folder, 'orphan.srt'), srt(['00:00:00,500', '00:00:01,800', 'An orphan English subtitle.']));
  report = (await checkJson([folder])).report;
});

describe('subtitles through the CLI', () => {
  it('finds sidecars and streams, and gives a lone subtitle file its own entry with subtitle rules only', () => {
    expect(entry('good.mp4').facts!.subtitles.map((t) => t.path)).toEqual([join(folder, 'good.srt')]);
    expect(entry('long.mp4').facts!.subtitles[0]!.languageTag).toBe('zh');
    expect(entry('embedded.mp4').facts!.subtitles[0]).toMatchObject({ source: 'embedded', cueCount: 1 });
    expect(findings('embedded.mp4', 'subtitle.present')[0]!.status).toBe('pass');
    const orphan = entry('orphan.srt');
    expect(orphan.findings.every((f) => f.rule.startsWith('subtitle.'))).toBe(true);
    expect(findings('orphan.srt', 'subtitle.language')[0]!.status).toBe('fail');
  });

  it('good: every subtitle rule passes', () => {
    for (const rule of ['subtitle.present', 'subtitle.encoding', 'subtitle.language', 'subtitle.line-length', 'subtitle.timing']) {
      expect(findings('good.mp4', rule)[0]!.status, rule).toBe('pass');
    }
  });

  it('gbk: names GBK/GB18030', () => {
    expect(findings('gbk.mp4', 'subtitle.encoding')[1]).toMatchObject({ status: 'fail', subtitle: join(folder, 'gbk.srt'), measured: 'gb18030' });
  });

  it('long: names cue 2, its file line 6, the line and its width', () => {
    expect(findings('long.mp4', 'subtitle.line-length')[1]).toMatchObject({ status: 'fail', cue: 2, line: LONG_LINE, measured: 25, message: expect.stringContaining('cue 2 (line 6)') });
  });

  it('english: English on a Chinese course fails; the same passes with --language en', async () => {
    expect(findings('english.mp4', 'subtitle.language')[0]!.status).toBe('fail');
    const en = (await checkJson(['--language', 'en', join(folder, 'english.mp4')])).report;
    expect(en.files[0]!.findings.find((f) => f.rule === 'subtitle.language')!.status).toBe('pass');
  });

  it('overlap: the overlap and the cue past the video’s end', () => {
    const messages = findings('overlap.mp4', 'subtitle.timing').slice(1).map((f) => f.message);
    expect(messages).toEqual(['cue 2 (line 6, 0:01.5): overlaps cue 1 by 500 ms', expect.stringMatching(/^cue 3 \(line 10, 0:03\): ends at 0:09, after the video ends/)]);
  });

  it('malformed: each problem with its line number, and the rest of the file still checked', () => {
    const timing = findings('malformed.mp4', 'subtitle.timing').slice(1).map((f) => f.message);
    expect(timing).toEqual([expect.stringMatching(/^line 6: the arrow must be/), expect.stringMatching(/^line 9: stray text outside any cue: "oops"/)]);
    expect(entry('malformed.mp4').facts!.subtitles[0]!.cueCount).toBe(3);
  });

  it('missing: subtitle.present fails and the other subtitle rules skip', () => {
    expect(findings('missing.mp4', 'subtitle.present')[0]!.status).toBe('fail');
    expect(findings('missing.mp4', 'subtitle.encoding')[0]!.status).toBe('skip');
  });

  it('the text report shows the cue’s time, line number and text; JUnit fails the rule', async () => {
    const text = (await runCli([join(folder, 'long.mp4')])).stdout;
    expect(text).toContain('subtitle.line-length @ 0:01.2: cue 2 (line 6): Chinese line of width 25; Chinese line ≤ 18: break or shorten it');
    expect(text).toContain(`“${LONG_LINE}”`);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse((await runCli(['--format', 'junit', join(folder, 'gbk.mp4')])).stdout);
    const testcase = xml.testsuites.testsuite.testcase.find((c: { name: string }) => c.name === 'subtitle.encoding');
    expect(testcase.failure['#text']).toContain('GBK/GB18030');
  });
});

describe('fix-subtitles', () => {
  it('GBK in → UTF-8 out that passes; the original is untouched and nothing is written beside it', async () => {
    const original = join(folder, 'gbk.srt');
    const before = await readFile(original);
    const listing = await readdir(folder);
    const out = await mkdtemp(join(tmpdir(), 'fixed-'));
    const run = await runCli(['fix-subtitles', original, '--output', out]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('gb18030 → UTF-8');
    expect(run.stdout).toContain('re-checked: subtitle.encoding and subtitle.line-length pass');
    expect(await readFile(join(out, 'gbk.srt'), 'utf8')).toContain('这是用旧软件保存的字幕。');
    expect(await readFile(original)).toEqual(before);
    expect(await readdir(folder)).toEqual(listing);
  });

  it('--rewrap breaks over-long lines so that the copy passes, and the checker agrees', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fixed-'));
    const run = await runCli(['fix-subtitles', '--rewrap', join(folder, 'long.zh.srt'), '--output', out]);
    expect(run.exitCode).toBe(0);
    const check = (await checkJson([join(out, 'long.zh.srt')])).report.files[0]!;
    expect(check.findings.find((f) => f.rule === 'subtitle.line-length')!.status).toBe('pass');
  });

  it('refuses to write beside the original, and fails without --rewrap when lines stay too long', async () => {
    const beside = await runCli(['fix-subtitles', join(folder, 'gbk.srt'), '--output', folder]);
    expect(beside.exitCode).toBe(1);
    expect(beside.stdout).toMatch(/beside or over the original/);
    const out = await mkdtemp(join(tmpdir(), 'fixed-'));
    expect((await runCli(['fix-subtitles', join(folder, 'long.zh.srt'), '--output', out])).exitCode).toBe(1);
  });
});
