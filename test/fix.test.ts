import { copyFile, mkdtemp as makeTemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { execa } from 'execa';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ffmpegPath,
  ffprobePath,
  fix,
  FixCommandError,
  resolveProfile,
  type FixedFile,
  type FixReport,
  type FixRuleResult,
  type Report,
} from '@courseware-check/checker-core';
import { parseFixCommand, type FixCommandArguments } from '../packages/cli/src/fix-arguments.js';
import { runFix } from '../packages/cli/src/run-fix.js';
import { speechLikeExpression } from '../scripts/speech-like.js';
import { AAC, H264, makeMedia, testPicture, testSound } from './helpers/media.js';
import { black, card, moving, music, silence, speech, type Segment } from './helpers/scenes.js';
import { programmeArgs } from '../scripts/scenes.js';

/**
 * The lesson fixer end to end, through the `fix()` API: for each fixable failure a small file made
 * here that fails it; `fix` writes a copy into a fresh folder; the re-check passes that rule; the
 * streams that passed are bit-identical copies (packet checksums); durations match within a frame;
 * the output is an MP4 that ffprobe reads. Unfixable failures are reported as such, `--plan` runs
 * nothing, Ctrl-C leaves no half-written lesson.
 */

const VOICE = speechLikeExpression({ peak: 0.5 });
const FLOOR = '0.0001*(2*random(0)-1)';
const tone = (hz: number, dbfs: number) => `${(10 ** (dbfs / 20)).toPrecision(6)}*sin(2*PI*${hz}*t)`;
/** 1280×720 at 25 fps and 48 kHz stereo: the rules pass unless a case changes one thing. */
const picture = (durationS = 4, extra: { size?: string; fps?: string } = {}) => testPicture({ size: extra.size ?? '1280x720', fps: extra.fps ?? '25', durationS });
const sound = (expression: string, durationS = 4, rateHz = 48000) => ['-f', 'lavfi', '-i', `aevalsrc=exprs=${expression}:sample_rate=${rateHz}:duration=${durationS}`];
const stereo = (expression: string, durationS = 4, rateHz = 48000) => sound(`${expression}|${expression}`, durationS, rateHz);
/** A still slide, at a constant bit rate over the web floor (a still picture alone falls far under it). */
const slideAtFloor = (durationS: number) => [
  '-f', 'lavfi', '-i', `color=c=0xC8C8C8:s=1280x720:r=25:d=${durationS},drawbox=x=100:y=100:w=400:h=200:color=0x303030:t=fill`,
];
const CBR = ['-b:v', '1400k', '-minrate', '1400k', '-maxrate', '1400k', '-bufsize', '1400k', '-x264-params', 'nal-hrd=cbr'];

/** Each case: the file that fails it, and the rule it fails. */
const CASES = {
  mov: { rule: 'container.mp4', make: () => makeMedia('fix-remux.mov', [...picture(), ...testSound(), ...H264, ...AAC]) },
  mkv: { rule: 'container.mp4', make: () => makeMedia('fix-remux-mkv.mkv', [...picture(), ...testSound(), ...H264, ...AAC]) },
  mpeg4: { rule: 'video.codec', make: () => makeMedia('fix-mpeg4.mp4', [...picture(), ...testSound(), '-c:v', 'mpeg4', '-q:v', '3', ...AAC]) },
  fps30: { rule: 'video.frame-rate', make: () => makeMedia('fix-30fps.mp4', [...picture(4, { fps: '30' }), ...testSound(), ...H264, ...AAC]) },
  fps24: { rule: 'video.frame-rate', make: () => makeMedia('fix-24fps.mp4', [...picture(10, { fps: '24' }), ...testSound({ durationS: 10 }), ...H264, ...AAC]) },
  small: { rule: 'video.resolution', make: () => makeMedia('fix-360p.mp4', [...picture(4, { size: '640x360' }), ...testSound(), ...H264, ...AAC]) },
  lowrate: { rule: 'video.bitrate', make: () => makeMedia('fix-lowrate.mp4', [...slideAtFloor(4), ...testSound(), ...H264, ...AAC]) },
  mp3: { rule: 'audio.codec', make: () => makeMedia('fix-mp3.mp4', [...picture(), ...testSound(), ...H264, '-c:a', 'libmp3lame', '-b:a', '192k']) },
  rate441: { rule: 'audio.sample-rate', make: () => makeMedia('fix-44k.mp4', [...picture(), ...testSound({ rateHz: 44100 }), ...H264, ...AAC]) },
  mono: { rule: 'audio.channels', make: () => makeMedia('fix-mono.mp4', [...picture(), ...testSound({ channels: 1 }), ...H264, ...AAC]) },
  leftOnly: { rule: 'audio.channel-balance', make: () => makeMedia('fix-left-only.mp4', [...picture(), ...sound(`${VOICE}+${FLOOR}|0`), ...H264, ...AAC]) },
  aac64: { rule: 'audio.bitrate', make: () => makeMedia('fix-aac64.mp4', [...picture(), ...testSound(), ...H264, '-c:a', 'aac', '-b:a', '64k']) },
  // 30 s of narration, then 30 s of the same 12 dB quieter (a second recording session).
  loudness: {
    rule: 'audio.loudness',
    make: () =>
      makeMedia('fix-loudness.mp4', [
        ...slideAtFloor(60),
        ...stereo(`${speechLikeExpression({ peak: 0.4 })}*(1-0.749*gte(t\\,30))+${FLOOR}`, 60),
        ...H264, ...CBR, ...AAC,
      ]),
  },
  // The whole narration 300 ms behind the picture.
  late: { rule: 'av.sync', make: () => makeMedia('fix-late-audio.mp4', [...picture(6), '-itsoffset', '0.3', ...testSound({ durationS: 6 }), '-map', '0:v', '-map', '1:a', ...H264, ...AAC]) },
  // 50 Hz mains hum at −50 dBFS with its 2nd and 3rd harmonics at −60.
  hum: { rule: 'audio.hum', make: () => makeMedia('fix-hum.mp4', [...picture(10), ...stereo(`${VOICE}+${tone(50, -50)}+${tone(100, -60)}+${tone(150, -60)}+0.00003*(2*random(0)-1)`, 10), ...H264, ...AAC]) },
  // Overdriven narration (clipped at full scale): nothing can restore it.
  clipped: { rule: 'audio.clipping', make: () => makeMedia('fix-clipped.mp4', [...picture(), ...stereo(`clip(${speechLikeExpression({ peak: 10 ** (6 / 20) })}\\,-1\\,1)+${FLOOR}`), ...H264, ...AAC]) },
} satisfies Record<string, { rule: string; make: () => Promise<string> }>;
type Case = keyof typeof CASES;

/** Folders the tests write (the split lesson's parts alone are 170 MB): removed when they are done. */
const made: string[] = [];
async function mkdtemp(prefix: string): Promise<string> {
  const folder = await makeTemp(prefix);
  made.push(folder);
  return folder;
}
afterAll(async () => {
  await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
});

const LONG_LINE = '本节课我们将详细介绍工业机器人示教器的全部操作方法'; // width 25
const srt = (...cues: [string, string, string][]) => cues.map(([start, end, text], i) => `${i + 1}\n${start} --> ${end}\n${text}\n`).join('\n');

const paths = {} as Record<Case | 'subtitled', string>;
let inputs: string;
let report: FixReport;
const fixed = (name: Case | 'subtitled'): FixedFile => report.files.find((f) => f.path === paths[name])!;
const ruleResult = (file: FixedFile, rule: string): FixRuleResult => {
  const found = file.rules.find((r) => r.rule === rule);
  if (!found) throw new Error(`${file.path}: the plan says nothing of ${rule} (${file.rules.map((r) => r.rule).join(', ')})`);
  return found;
};

/** MD5 of a stream's packets (payloads only: a remuxed copy has the same). */
async function md5(path: string, stream: 'v' | 'a'): Promise<string> {
  const { stdout } = await execa(ffmpegPath(), ['-v', 'error', '-nostdin', '-i', `file:${path}`, '-map', `0:${stream}:0`, '-c', 'copy', '-f', 'md5', '-']);
  return stdout.trim();
}

interface Probed {
  formatName: string;
  /** The stream's duration, or the file's where the container gives none per stream (Matroska). */
  video: { codec: string; profile: string; width: number; height: number; durationS: number; fps: string } | null;
  audio: { codec: string; sampleRate: number; channels: number; durationS: number } | null;
}
async function probe(path: string): Promise<Probed> {
  const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', `file:${path}`]);
  const data = JSON.parse(stdout) as { format: { format_name: string; duration: string }; streams: Record<string, string | number>[] };
  const seconds = (stream: Record<string, string | number>) => Number(stream.duration ?? data.format.duration);
  const v = data.streams.find((s) => s.codec_type === 'video');
  const a = data.streams.find((s) => s.codec_type === 'audio');
  return {
    formatName: data.format.format_name,
    video: v ? { codec: String(v.codec_name), profile: String(v.profile), width: Number(v.width), height: Number(v.height), durationS: seconds(v), fps: String(v.r_frame_rate) } : null,
    audio: a ? { codec: String(a.codec_name), sampleRate: Number(a.sample_rate), channels: Number(a.channels), durationS: seconds(a) } : null,
  };
}

/** The fixed rule passes now; the output is an MP4 that passes container.mp4; no partial file is left. */
async function expectFixed(file: FixedFile, rule: string, after: Report = report.after!): Promise<void> {
  expect(file.outcome, JSON.stringify(file.says)).toBe('fixed');
  const result = ruleResult(file, rule);
  expect(result.status).toBe('fix');
  expect(['fail', 'warn']).toContain(result.before.status);
  // audio.bitrate is fixed to its practical floor: it still warns of the notice's 1.4 Mbps, beyond AAC.
  expect(result.after.map((a) => a.status)).toEqual(file.outputs.map(() => (rule === 'audio.bitrate' ? 'warn' : 'pass')));
  expect(result.passes).toBe(true);
  for (const output of file.outputs) {
    expect(output).toMatch(/\.mp4$/);
    expect((await probe(output)).formatName).toContain('mp4');
    const container = after.files.find((f) => f.path === output)!.findings.find((f) => f.rule === 'container.mp4')!;
    expect(container.status).toBe('pass');
  }
  const left = await readdir(dirname(file.outputs[0]!));
  expect(left.filter((name) => name.includes('.partial.'))).toEqual([]);
}

const figures = (name: string, result: FixRuleResult) =>
  process.stdout.write(`fix ${name} ${result.rule}: ${JSON.stringify(result.before.measured)} → ${result.after.map((a) => JSON.stringify(a.measured)).join(' | ')}\n`);

beforeAll(async () => {
  const names = Object.keys(CASES) as Case[];
  for (let i = 0; i < names.length; i += 2) await Promise.all(names.slice(i, i + 2).map(async (n) => (paths[n] = await CASES[n].make())));
  // A lesson with a GBK sidecar holding an over-long line: its subtitles are fixed beside the copy.
  inputs = await mkdtemp(join(tmpdir(), 'fix-inputs-'));
  paths.subtitled = join(inputs, 'subtitled.mov');
  await copyFile(paths.mov, paths.subtitled);
  await writeFile(join(inputs, 'subtitled.srt'), iconv.encode(srt(['00:00:00,500', '00:00:01,800', '欢迎来到本课程。'], ['00:00:02,000', '00:00:03,500', LONG_LINE]), 'gbk'));
  const outputDir = await mkdtemp(join(tmpdir(), 'fix-out-'));
  report = await fix({ paths: Object.values(paths), outputDir, preset: 'veryfast' });
}, 900_000);

describe('fix: a stream that passes is copied, a failing one re-encoded', () => {
  it.each(['mov', 'mkv'] as const)('remuxes a .%s with H.264 and AAC inside: both streams bit-identical, the same duration', async (name) => {
    const file = fixed(name);
    await expectFixed(file, 'container.mp4');
    const [output] = file.outputs;
    expect(await md5(output!, 'v')).toBe(await md5(paths[name], 'v'));
    expect(await md5(output!, 'a')).toBe(await md5(paths[name], 'a'));
    expect(Math.abs((await probe(output!)).video!.durationS - (await probe(paths[name])).video!.durationS)).toBeLessThanOrEqual(0.04);
    expect(file.plan.steps.map((s) => s.args)).toEqual([expect.arrayContaining(['-c:v', 'copy', '-c:a', 'copy', '-movflags', '+faststart'])]);
  });

  it('re-encodes an MPEG-4 Part 2 picture as H.264 High; the sound is a bit-identical copy', async () => {
    const file = fixed('mpeg4');
    await expectFixed(file, 'video.codec');
    const out = await probe(file.outputs[0]!);
    expect(out.video).toMatchObject({ codec: 'h264', profile: 'High' });
    expect(await md5(file.outputs[0]!, 'a')).toBe(await md5(paths.mpeg4, 'a'));
    expect(Math.abs(out.video!.durationS - (await probe(paths.mpeg4)).video!.durationS)).toBeLessThanOrEqual(0.04);
  });

  it('converts 30 fps to a constant 29.97, frame-exact: the duration within one frame', async () => {
    const file = fixed('fps30');
    await expectFixed(file, 'video.frame-rate');
    figures('fps30', ruleResult(file, 'video.frame-rate'));
    expect(ruleResult(file, 'video.frame-rate').after[0]!.measured).toBeCloseTo(29.97, 2);
    expect((await probe(file.outputs[0]!)).video!.fps).toBe('30000/1001');
    expect(Math.abs((await probe(file.outputs[0]!)).video!.durationS - 4)).toBeLessThanOrEqual(1 / 29.97);
    expect(await md5(file.outputs[0]!, 'a')).toBe(await md5(paths.fps30, 'a'));
  });

  it('makes 24 fps 25 by playing 4 % faster (every frame kept, no repeated frame for video.stability to find), the sound along', async () => {
    const file = fixed('fps24');
    await expectFixed(file, 'video.frame-rate');
    expect(ruleResult(file, 'video.frame-rate').says).toMatchObject({ messageId: 'fix/do/frame-rate-speed', params: { fromFps: 24, toFps: 25, percent: 4.2 } });
    expect(file.regressed).toEqual([]);
    const out = await probe(file.outputs[0]!);
    figures('fps24', ruleResult(file, 'video.frame-rate'));
    process.stdout.write(`fix fps24 durations: video ${out.video!.durationS} s, audio ${out.audio!.durationS} s (10 s × 24/25 = 9.6 s)\n`);
    expect(out.video!.fps).toBe('25/1');
    expect(Math.abs(out.video!.durationS - 9.6)).toBeLessThanOrEqual(0.04);
    expect(Math.abs(out.audio!.durationS - 9.6)).toBeLessThanOrEqual(0.05);
    const after = report.after!.files.find((f) => f.path === file.outputs[0])!;
    for (const rule of ['video.stability', 'av.sync']) expect(after.findings.find((f) => f.rule === rule)!.status).toBe('pass');
  });

  it('scales 640×360 up to 1280×720 with lanczos, warning that it adds no detail', async () => {
    const file = fixed('small');
    await expectFixed(file, 'video.resolution');
    expect(ruleResult(file, 'video.resolution').warnings).toContainEqual({ messageId: 'fix/warn/upscale-no-detail' });
    expect((await probe(file.outputs[0]!)).video).toMatchObject({ width: 1280, height: 720 });
    expect(await md5(file.outputs[0]!, 'a')).toBe(await md5(paths.small, 'a'));
  });

  it('raises a still slide’s bit rate over the floor (constant rate with filler)', async () => {
    const file = fixed('lowrate');
    await expectFixed(file, 'video.bitrate');
    const result = ruleResult(file, 'video.bitrate');
    figures('lowrate', result);
    expect(result.before.measured as number).toBeLessThan(1_000_000);
    expect(result.after[0]!.measured as number).toBeGreaterThanOrEqual(1_000_000);
    expect(await md5(file.outputs[0]!, 'a')).toBe(await md5(paths.lowrate, 'a'));
  });
});

describe('fix: the sound', () => {
  it.each([
    ['mp3', 'audio.codec'],
    ['rate441', 'audio.sample-rate'],
    ['mono', 'audio.channels'],
    ['leftOnly', 'audio.channel-balance'],
    ['aac64', 'audio.bitrate'],
  ] as const)('%s: %s passes after the fix; the picture is a bit-identical copy; 48 kHz stereo AAC', async (name, rule) => {
    const file = fixed(name);
    await expectFixed(file, rule);
    figures(name, ruleResult(file, rule));
    const out = await probe(file.outputs[0]!);
    expect(out.audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(await md5(file.outputs[0]!, 'v')).toBe(await md5(paths[name], 'v'));
    expect(Math.abs(out.audio!.durationS - (await probe(paths[name])).audio!.durationS)).toBeLessThanOrEqual(0.05);
  });

  it('the narration on one channel is put on both', async () => {
    const result = ruleResult(fixed('leftOnly'), 'audio.channel-balance');
    expect(result.says).toMatchObject({ messageId: 'fix/do/balance-copy', params: { silent: 'right', live: 'left' } });
    expect(result.after[0]!.measured).toMatchObject({ differenceDb: 0 });
  });

  it('evens out a 12 dB step in loudness (two-pass EBU R128) to −16 LUFS, the picture copied', async () => {
    const file = fixed('loudness');
    await expectFixed(file, 'audio.loudness');
    const result = ruleResult(file, 'audio.loudness');
    figures('loudness', result);
    const before = result.before.measured as { loudnessRangeLu: number; swings: number };
    const afterM = result.after[0]!.measured as { integratedLufs: number; loudnessRangeLu: number; swings: number };
    expect(before.loudnessRangeLu).toBeGreaterThan(10);
    expect(afterM.loudnessRangeLu).toBeLessThanOrEqual(10);
    expect(afterM.swings).toBe(0);
    expect(Math.abs(afterM.integratedLufs + 16)).toBeLessThanOrEqual(1);
    expect(file.measurements.loudness?.input_i).toMatch(/^-?\d/);
    expect(file.plan.steps.map((s) => s.kind)).toEqual(['encode']);
    expect(file.plan.steps[0]!.args.join(' ')).toContain(`measured_I=${file.measurements.loudness!.input_i}`);
    expect(await md5(file.outputs[0]!, 'v')).toBe(await md5(paths.loudness, 'v'));
  });

  it('moves a late narration back into step; both streams stay bit-identical copies', async () => {
    const file = fixed('late');
    await expectFixed(file, 'av.sync');
    const result = ruleResult(file, 'av.sync');
    figures('late', result);
    expect(result.before.measured as number).toBeGreaterThan(250);
    expect(Math.abs(result.after[0]!.measured as number)).toBeLessThanOrEqual(40);
    expect(await md5(file.outputs[0]!, 'v')).toBe(await md5(paths.late, 'v'));
    expect(await md5(file.outputs[0]!, 'a')).toBe(await md5(paths.late, 'a'));
  });

  it('notches out 50 Hz hum and its harmonics (which also lifts the SNR)', async () => {
    const file = fixed('hum');
    await expectFixed(file, 'audio.hum');
    figures('hum', ruleResult(file, 'audio.hum'));
    expect(ruleResult(file, 'audio.hum').says).toMatchObject({ params: { mainsHz: 50, frequencies: [50, 100, 150, 200] } });
    expect(await md5(file.outputs[0]!, 'v')).toBe(await md5(paths.hum, 'v'));
    const snr = report.after!.files.find((f) => f.path === file.outputs[0])!.findings.find((f) => f.rule === 'audio.snr')!;
    process.stdout.write(`fix hum audio.snr after: ${JSON.stringify(snr.measured)}\n`);
  });
});

describe('fix: subtitles and what cannot be fixed', () => {
  it('writes a GBK sidecar as UTF-8 beside the fixed lesson, its long line re-broken; the video is only remuxed', async () => {
    const file = fixed('subtitled');
    await expectFixed(file, 'subtitle.encoding');
    await expectFixed(file, 'subtitle.line-length');
    const [copy] = file.subtitles;
    expect(copy).toMatch(/subtitled\.srt$/);
    expect(dirname(copy!)).toBe(dirname(file.outputs[0]!));
    const text = await readFile(copy!, 'utf8');
    expect(text).toContain('欢迎来到本课程。');
    expect(await md5(file.outputs[0]!, 'v')).toBe(await md5(paths.subtitled, 'v'));
  });

  it('says plainly that clipping cannot be fixed, and writes nothing for it', () => {
    const file = fixed('clipped');
    expect(file.outcome).toBe('cannot-fix');
    expect(ruleResult(file, 'audio.clipping')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/clipping' }, passes: null });
    expect(file.outputs).toEqual([]);
  });
});

describe('fix: cuts', () => {
  it('--trim-intro cuts the start of a 15 s intro to leave it under 10 s; the subtitles move with it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fix-intro-'));
    const titled = (s: number): Segment[] => [{ video: card(s - 0.4), audio: music(s - 0.4) }, { video: black(0.4), audio: silence(0.4) }];
    const made = await makeMedia('fix-intro-15.mp4', [...programmeArgs([...titled(15), { video: moving(20), audio: speech(20) }]), '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k']);
    const lesson = join(folder, 'intro.mp4');
    await copyFile(made, lesson);
    await writeFile(join(folder, 'intro.srt'), srt(['00:00:16,000', '00:00:18,000', '第一节。'], ['00:00:30,000', '00:00:32,000', '第二节。']));
    const out = await mkdtemp(join(tmpdir(), 'fix-intro-out-'));
    const result = await fix({ paths: [lesson], outputDir: out, trimIntro: true, only: ['intro.duration'], preset: 'veryfast' });
    const file = result.files[0]!;
    await expectFixed(file, 'intro.duration', result.after!);
    const intro = ruleResult(file, 'intro.duration');
    figures('intro', intro);
    const cutS = file.plan.trim!.startS;
    expect((intro.before.measured as { durationS: number }).durationS).toBeGreaterThan(10);
    expect((intro.after[0]!.measured as { durationS: number }).durationS).toBeLessThanOrEqual(10);
    expect(Math.abs((await probe(file.outputs[0]!)).video!.durationS - (35 - cutS))).toBeLessThanOrEqual(0.04);
    const cues = await readFile(join(out, 'intro.srt'), 'utf8');
    expect(cues).toContain(`${clock(16 - cutS)} --> ${clock(18 - cutS)}`);
  });

  it('--trim-intro cuts the end of a 10 s outro to leave it under 5 s; the lesson before it stays whole', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fix-outro-'));
    const credits = (s: number): Segment[] => [{ video: black(0.4), audio: silence(0.4) }, { video: card(s - 0.4), audio: music(s - 0.4) }];
    const made = await makeMedia('fix-outro-10.mp4', [...programmeArgs([{ video: moving(20), audio: speech(20) }, ...credits(10)]), '-c:v', 'libx264', '-preset', 'ultrafast', '-threads', '1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '192k']);
    const lesson = join(folder, 'outro.mp4');
    await copyFile(made, lesson);
    const out = await mkdtemp(join(tmpdir(), 'fix-outro-out-'));
    const result = await fix({ paths: [lesson], outputDir: out, trimIntro: true, only: ['outro.duration'], preset: 'veryfast' });
    const file = result.files[0]!;
    await expectFixed(file, 'outro.duration', result.after!);
    const outro = ruleResult(file, 'outro.duration');
    figures('outro', outro);
    const endS = file.plan.trim!.endS!;
    expect((outro.before.measured as { durationS: number }).durationS).toBeGreaterThan(5);
    expect((outro.after[0]!.measured as { durationS: number }).durationS).toBeLessThanOrEqual(5);
    // The lesson (20 s) is kept; the cut is inside the credits.
    expect(endS).toBeGreaterThan(20.4);
    expect(Math.abs((await probe(file.outputs[0]!)).video!.durationS - endS)).toBeLessThanOrEqual(0.04);
  });

  it('--split cuts a 16-minute lesson at its black, silent gap between slides into parts of 5–15 minutes, subtitles re-timed', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'fix-split-'));
    const made = await makeMedia('fix-16min.mp4', sixteenMinutes());
    const lesson = join(folder, 'long.mp4');
    await copyFile(made, lesson);
    await writeFile(join(folder, 'long.srt'), srt(['00:01:40,000', '00:01:42,000', '第一段。'], ['00:05:30,000', '00:05:34,000', '跨过分界。'], ['00:11:40,000', '00:11:42,000', '第二段。']));
    const out = await mkdtemp(join(tmpdir(), 'fix-split-out-'));
    const result = await fix({ paths: [lesson], outputDir: out, split: true, only: ['video.duration'], preset: 'veryfast' });
    const file = result.files[0]!;
    await expectFixed(file, 'video.duration', result.after!);
    const cuts = file.plan.split!.cuts!;
    process.stdout.write(`fix split: cuts at ${cuts.map((c) => `${c.atS} s (${c.kinds.join('+')})`).join(', ')}; parts ${file.plan.outputs.map((o) => o.video!.mode).join(', ')}\n`);
    // The known boundaries: black and silence at 330–332 s and 650–652 s.
    expect(cuts).toHaveLength(1);
    expect([331, 651].some((b) => Math.abs(cuts[0]!.atS - b) <= 1)).toBe(true);
    expect(file.outputs.map((o) => o.replace(`${out}/`, ''))).toEqual(['long-part1.mp4', 'long-part2.mp4']);
    const durations = await Promise.all(file.outputs.map(async (o) => (await probe(o)).video!.durationS));
    for (const d of durations) expect(d >= 300 && d <= 900).toBe(true);
    expect(Math.abs(durations[0]! - cuts[0]!.atS)).toBeLessThanOrEqual(1);
    expect(Math.abs(durations[0]! + durations[1]! - 960)).toBeLessThanOrEqual(1);
    const part1 = await readFile(join(out, 'long-part1.srt'), 'utf8');
    const part2 = await readFile(join(out, 'long-part2.srt'), 'utf8');
    expect(part1).toContain('00:01:40,000 --> 00:01:42,000');
    expect(part1).toContain('跨过分界。');
    expect(part2).toContain('跨过分界。');
    expect(part2).toContain(`${clock(700 - cuts[0]!.atS)} --> ${clock(702 - cuts[0]!.atS)}`);
  });
});

describe('fix: options, safety', () => {
  it('--denoise reduces broadband noise until audio.snr passes', async () => {
    const noisy = await makeMedia('fix-noisy.mp4', [...picture(10), ...stereo(`${VOICE}+0.003*(2*random(0)-1)`, 10), ...H264, ...AAC]);
    const out = await mkdtemp(join(tmpdir(), 'fix-noise-out-'));
    const plain = await fix({ paths: [noisy], outputDir: out, plan: true });
    expect(plain.files[0]!.rules.find((r) => r.rule === 'audio.snr')).toMatchObject({ status: 'needs-option', says: { messageId: 'fix/needs/denoise' } });
    const result = await fix({ paths: [noisy], outputDir: out, denoise: true, preset: 'veryfast' });
    await expectFixed(result.files[0]!, 'audio.snr', result.after!);
    figures('noisy', ruleResult(result.files[0]!, 'audio.snr'));
  });

  it('file.size over the profile’s limit: re-encoded at the rate that fits, over the floor', async () => {
    const big = await makeMedia('fix-big.mp4', [...picture(10), ...testSound({ durationS: 10 }), ...H264, ...AAC]);
    const profile = resolveProfile('small-uploads', { extends: 'web', rules: { 'file.size': { options: { maxBytes: 4_000_000 } } } }, 'test');
    const out = await mkdtemp(join(tmpdir(), 'fix-size-out-'));
    const result = await fix({ paths: [big], outputDir: out, profile, preset: 'veryfast' });
    const file = result.files[0]!;
    await expectFixed(file, 'file.size', result.after!);
    figures('big', ruleResult(file, 'file.size'));
    expect(ruleResult(file, 'file.size').after[0]!.measured as number).toBeLessThanOrEqual(4_000_000);
    const bitrate = result.after!.files[0]!.findings.find((f) => f.rule === 'video.bitrate')!;
    expect(bitrate.status).toBe('pass');
  });

  it('--plan prints the exact commands and runs nothing: no output folder, no file', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'fix-plan-')), 'never');
    const result = await fix({ paths: [paths.mov, paths.loudness], outputDir: out, plan: true });
    expect(result.planOnly).toBe(true);
    expect(result.after).toBeNull();
    expect(result.files.map((f) => f.outcome)).toEqual(['planned', 'planned']);
    await expect(readdir(out)).rejects.toThrow();
    const loudness = result.files[1]!.plan;
    expect(loudness.steps.map((s) => s.kind)).toEqual(['measure-loudness', 'encode']);
    expect(loudness.steps[1]!.args.join(' ')).toContain('measured_I=<loudness.input_i>');
    // The command line prints it, with the real binary.
    let printed = '';
    const io = { stdout: new Writable({ write: (chunk, _e, done) => ((printed += String(chunk)), done()) }), stderr: new Writable({ write: (_c, _e, done) => done() }) };
    const code = await runFix(argsOf(['fix', paths.mov, '--output', out, '--plan']), io);
    expect(code).toBe(0);
    expect(printed).toContain(`$ ${ffmpegPath()} -hide_banner`);
    expect(printed).toContain('-c:v copy -c:a copy');
    expect(printed).toContain('plan only: nothing was run or written');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('Ctrl-C during an encode leaves no lesson and no partial file behind', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fix-abort-'));
    const controller = new AbortController();
    const result = await fix({
      paths: [paths.mpeg4],
      outputDir: out,
      preset: 'veryslow',
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'step' && event.step.kind === 'encode') setTimeout(() => controller.abort(), 300);
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.files[0]!.outcome).toBe('interrupted');
    expect(result.after).toBeNull();
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an output folder that is the originals’ own, before writing anything', async () => {
    const before = await readdir(inputs);
    await expect(fix({ paths: [paths.subtitled], outputDir: inputs })).rejects.toBeInstanceOf(FixCommandError);
    expect(await readdir(inputs)).toEqual(before);
    let printed = '';
    const io = { stdout: new Writable({ write: (_c, _e, done) => done() }), stderr: new Writable({ write: (chunk, _e, done) => ((printed += String(chunk)), done()) }) };
    expect(await runFix(argsOf(['fix', paths.subtitled, '--output', inputs]), io)).toBe(2);
    expect(printed).toMatch(/beside or over the original/);
  });

  it('the fix command line: its options, and 2 for a bad one', async () => {
    expect(argsOf(['fix', 'a.mov', 'b/', '--output', 'out', '--only', 'av.sync,audio.loudness', '--only', 'video.codec', '--split', '--trim-intro', '--profile', 'archive'])).toMatchObject({
      command: 'fix', paths: ['a.mov', 'b/'], output: 'out', only: ['av.sync', 'audio.loudness', 'video.codec'], split: true, trimIntro: true, denoise: false, plan: false, profile: 'archive', upscale: true,
    });
    expect(() => argsOf(['fix', 'a.mov'])).toThrow(/--output/);
    let printed = '';
    const io = { stdout: new Writable({ write: (_c, _e, done) => done() }), stderr: new Writable({ write: (chunk, _e, done) => ((printed += String(chunk)), done()) }) };
    expect(await runFix(argsOf(['fix', paths.mov, '--output', '/tmp/x', '--only', 'video.codecs']), io)).toBe(2);
    expect(printed).toContain('"video.codecs"');
  });
});

/** The fix command's arguments, parsed as the CLI will (yargs, strict). */
function argsOf(argv: string[]): FixCommandArguments {
  return parseFixCommand(argv, { defaultLocale: 'en' });
}

/** `00:01:40,000` from seconds. */
function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

/**
 * 16 minutes, cheap: three slides at 320×180 and 1 fps, narration at 8 kHz (as 8 kHz mono AAC),
 * separated by 2 s of black and silence at 330–332 s and 650–652 s.
 */
function sixteenMinutes(): string[] {
  const slide = (s: number, colour: string) => `color=c=${colour}:s=320x180:r=1:d=${s},drawbox=x=40:y=40:w=120:h=60:color=0x303030:t=fill`;
  const gap = 'color=c=black:s=320x180:r=1:d=2';
  const voice = (s: number) => `aevalsrc=exprs=${speechLikeExpression({ peak: 0.4 })}+0.0001*(2*random(0)-1):s=8000:d=${s}`;
  const hush = 'anullsrc=r=8000:cl=mono,atrim=duration=2';
  const segments: [string, string][] = [
    [slide(330, '0xC8C8C8'), voice(330)],
    [gap, hush],
    [slide(318, '0xD0D8E0'), voice(318)],
    [gap, hush],
    [slide(308, '0xF0F0F0'), voice(308)],
  ];
  const chains = segments.flatMap(([v, a], i) => [`${v},format=yuv420p,setsar=1[v${i}]`, `${a},aformat=sample_rates=8000:channel_layouts=mono[a${i}]`]);
  const graph = `${chains.join(';')};${segments.map((_, i) => `[v${i}][a${i}]`).join('')}concat=n=${segments.length}:v=1:a=1[v][a]`;
  return ['-filter_complex', graph, '-map', '[v]', '-map', '[a]', '-c:v', 'libx264', '-preset', 'veryfast', '-threads', '1', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '24k'];
}

