import { statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isProjectRule, rules, type FileResult, type Report } from '@courseware-check/checker-core';
import { checkJson, findingOf, verdicts } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/** Each file is built to break one metadata rule (or none); one CLI run checks them all. */
const MEDIA = {
  good: () => makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]).then(withSidecar),
  fps30: () => makeMedia('fps30.mp4', [...testPicture({ fps: '30' }), ...testSound(), ...H264, ...AAC]),
  fps2997: () => makeMedia('fps2997.mp4', [...testPicture({ fps: '30000/1001' }), ...testSound(), ...H264, ...AAC]),
  // Alternating 50 ms and 30 ms frame durations; a 1 ms time base so the encoder keeps them.
  vfr: () => makeMedia('vfr.mp4', [...testPicture(), ...testSound(), '-vf', 'settb=1/1000,setpts=N/25/TB+if(mod(N\\,2)\\,0.01/TB\\,0)', '-vsync', 'vfr', '-r', '1000', ...H264, ...AAC]),
  // Frames 20–22 removed: a 0.16 s gap of three missing frames.
  dropped: () => makeMedia('dropped.mp4', [...testPicture(), ...testSound(), '-vf', "select='not(between(n\\,20\\,22))'", '-vsync', 'vfr', ...H264, ...AAC]),
  mpeg4: () => makeMedia('mpeg4.mp4', [...testPicture(), ...testSound(), '-c:v', 'mpeg4', '-q:v', '2', ...AAC]),
  small: () => makeMedia('small.mp4', [...testPicture({ size: '640x360' }), ...testSound(), ...H264, ...AAC]),
  anamorphic: () => makeMedia('anamorphic.mp4', [...testPicture({ size: '1440x1080' }), ...testSound(), '-vf', 'setsar=4/3', ...H264, ...AAC]),
  // Rotation metadata survives only a stream copy, as a phone's file has it.
  rotated: async () => makeMedia('rotated.mp4', ['-i', await MEDIA.good(), '-c', 'copy', '-metadata:s:v:0', 'rotate=90']),
  lowBitrate: () => makeMedia('low-bitrate.mp4', [...testPicture(), ...testSound(), ...H264, '-b:v', '200k', '-maxrate', '200k', '-bufsize', '400k', ...AAC]),
  mono44k: () => makeMedia('mono-44k.mp4', [...testPicture(), ...testSound({ rateHz: 44100, channels: 1 }), ...H264, '-c:a', 'aac', '-b:a', '96k']),
  silent: () => makeMedia('silent.mp4', [...testPicture(), ...H264]),
  audioLate: () => makeMedia('audio-late.mp4', [...testPicture(), '-itsoffset', '0.3', ...testSound(), '-map', '0:v', '-map', '1:a', '-t', '4', ...H264, ...AAC]),
  // 40 ms: three AAC packets (64 ms of sound) in a 40 ms file.
  veryShort: () => makeMedia('very-short.mp4', [...testPicture(), ...testSound(), '-t', '0.04', ...H264, ...AAC]),
  // The whole sound 200 ms later, as long as the picture: it ends 200 ms after the picture too.
  audioShifted: () => makeMedia('audio-shifted-200.mp4', [...testPicture(), '-itsoffset', '0.2', ...testSound(), '-map', '0:v', '-map', '1:a', ...H264, ...AAC]),
  audioSlightlyLate: () => makeMedia('audio-20ms.mp4', [...testPicture(), '-itsoffset', '0.02', ...testSound(), '-map', '0:v', '-map', '1:a', '-t', '4', ...H264, ...AAC]),
  mkvNamedMp4: () => makeMedia('matroska.mkv', [...testPicture(), ...testSound(), ...H264, ...AAC]).then((p) => copyAs(p, 'renamed-matroska.mp4')),
  quicktime: () => makeMedia('quicktime.mov', [...testPicture(), ...testSound(), ...H264, ...AAC]),
};

async function copyAs(path: string, name: string): Promise<string> {
  const target = join(dirname(path), 'renamed', name);
  await mkdir(dirname(target), { recursive: true });
  await copyFile(path, target);
  return target;
}

let report: Report;
let exitCode: number;
const paths = {} as Record<keyof typeof MEDIA, string>;
const file = (name: keyof typeof MEDIA): FileResult => report.files.find((f) => f.path === paths[name])!;

beforeAll(async () => {
  const names = Object.keys(MEDIA) as (keyof typeof MEDIA)[];
  for (let i = 0; i < names.length; i += 2) {
    await Promise.all(names.slice(i, i + 2).map(async (name) => (paths[name] = await MEDIA[name]())));
  }
  const { run, report: parsed } = await checkJson(Object.values(paths));
  report = parsed;
  exitCode = run.exitCode;
});

describe('metadata rules through the CLI, on generated media', () => {
  it('reports every rule of the profile once for every video file', () => {
    expect(report.files).toHaveLength(Object.keys(MEDIA).length);
    for (const f of report.files) {
      // Every file rule; project rules judge projects (`--project`).
      expect(Object.keys(verdicts(f))).toEqual(rules.filter((r) => !isProjectRule(r)).map((r) => r.id));
    }
    expect(exitCode).toBe(1);
  });

  it('passes a conforming 4 s file on every rule except those it cannot meet', () => {
    const v = verdicts(file('good'));
    const notPassing = Object.entries(v).filter(([, s]) => s !== 'pass');
    // 4 s is shorter than 5 minutes; 192 kbps AAC is under the notice's literal 1.4 Mbps;
    // a file with no intro or outro gets "not detected", never a silent pass.
    expect(notPassing).toEqual([
      ['video.duration', 'warn'], // a warning-severity rule not met: warn, never fail
      ['audio.bitrate', 'warn'],
      // The synthetic voice (scripts/speech-like.ts) has nothing above 840 Hz: band-limited by design.
      ['audio.bandwidth', 'warn'],
      ['intro.duration', 'warn'],
      ['outro.duration', 'warn'],
    ]);
    expect(file('good').status).toBe('warn');
    expect(findingOf(file('good'), 'file.size').measured).toBe(statSync(paths.good).size);
  });

  it('video.frame-rate: 30 fps fails, 29.97 passes, a variable rate fails', () => {
    expect(findingOf(file('fps30'), 'video.frame-rate')).toMatchObject({ status: 'fail', measured: 30 });
    const ntsc = findingOf(file('fps2997'), 'video.frame-rate');
    expect(ntsc.status).toBe('pass');
    expect(ntsc.measured as number).toBeCloseTo(30000 / 1001, 4);
    expect(findingOf(file('vfr'), 'video.frame-rate').message).toMatch(/variable frame rate/);
  });

  it('video.stability: three dropped frames found at 0.92 s, and the rate still passes', () => {
    const finding = findingOf(file('dropped'), 'video.stability');
    expect(finding.status).toBe('fail');
    expect(finding.measured).toMatchObject({ droppedFrames: 3 });
    expect(finding.at![0]!.end).toBeCloseTo(0.92, 2);
    expect(findingOf(file('dropped'), 'video.frame-rate').status).toBe('pass');
    expect(findingOf(file('good'), 'video.stability').status).toBe('pass');
  });

  it('video.codec fails MPEG-4 Part 2', () => {
    expect(findingOf(file('mpeg4'), 'video.codec')).toMatchObject({ status: 'fail', measured: 'mpeg4' });
  });

  it('video.resolution: 360p fails; anamorphic 1440×1080 displays as 1920×1080; rotation swaps the sides', () => {
    expect(findingOf(file('small'), 'video.resolution')).toMatchObject({ status: 'fail', measured: { shortSidePx: 360 } });
    expect(findingOf(file('anamorphic'), 'video.resolution').measured).toMatchObject({ displayWidth: 1920, displayHeight: 1080 });
    expect(findingOf(file('anamorphic'), 'video.aspect').status).toBe('pass');
    expect(findingOf(file('rotated'), 'video.resolution')).toMatchObject({ status: 'pass', measured: { displayWidth: 720, displayHeight: 1280 } });
    expect(findingOf(file('rotated'), 'video.aspect').status).toBe('fail');
  });

  it('video.bitrate measures packet sizes: 200 kbps fails the 1 Mbps floor', () => {
    const finding = findingOf(file('lowBitrate'), 'video.bitrate');
    expect(finding.status).toBe('fail');
    expect(finding.measured as number).toBeLessThan(400_000);
  });

  it('audio: 44.1 kHz mono fails sample rate and channels; a silent file fails audio.present and skips the rest', () => {
    expect(findingOf(file('mono44k'), 'audio.sample-rate')).toMatchObject({ status: 'fail', measured: 44100 });
    expect(findingOf(file('mono44k'), 'audio.channels')).toMatchObject({ status: 'fail', measured: 1 });
    expect(findingOf(file('mono44k'), 'audio.bitrate').status).toBe('fail');
    const silent = verdicts(file('silent'));
    expect(silent['audio.present']).toBe('fail');
    expect([silent['audio.codec'], silent['audio.sample-rate'], silent['av.sync']]).toEqual(['skip', 'skip', 'skip']);
  });

  it('av.sync: audio 300 ms late fails at +300 ± 5 ms; 20 ms late passes', () => {
    const late = findingOf(file('audioLate'), 'av.sync');
    expect(late.status).toBe('fail');
    expect(late.measured as number).toBeGreaterThan(295);
    expect(late.measured as number).toBeLessThan(305);
    const slight = findingOf(file('audioSlightlyLate'), 'av.sync');
    expect(slight.status).toBe('pass');
    expect(Math.abs((slight.measured as number) - 20)).toBeLessThan(5);
    expect(Math.abs(findingOf(file('good'), 'av.sync').measured as number)).toBeLessThan(25);
  });

  it('av.sync measures the end where the packets end: sound shifted 200 ms reads +200 ms at both ends (±25 ms, an AAC frame), not twice at the end', () => {
    const { sync } = file('audioShifted').facts!;
    console.log(`av.sync: sound shifted 200 ms reads ${sync!.startOffsetMs} ms at the start, ${sync!.endOffsetMs} ms at the end`);
    expect(Math.abs(sync!.startOffsetMs - 200)).toBeLessThanOrEqual(25);
    expect(Math.abs(sync!.endOffsetMs! - 200)).toBeLessThanOrEqual(25);
    // The audio bit rate over the time its packets cover: a 40 ms file's three packets span 64 ms.
    const audio = file('veryShort').facts!.audio!;
    console.log(`audio.bitrate on a 40 ms file: measured ${audio.measuredBitrateBps} bps, stated ${audio.statedBitrateBps} bps`);
    expect(Math.abs(audio.measuredBitrateBps! / audio.statedBitrateBps! - 1)).toBeLessThan(0.15);
    // 300 ms late but cut with the picture: in step at the end.
    expect(Math.abs(file('audioLate').facts!.sync!.endOffsetMs!)).toBeLessThanOrEqual(25);
  });

  it('container.mp4 judges bytes: Matroska renamed .mp4 and QuickTime .mov fail', () => {
    expect(findingOf(file('mkvNamedMp4'), 'container.mp4')).toMatchObject({ status: 'fail', measured: { signature: 'matroska' } });
    expect(findingOf(file('quicktime'), 'container.mp4')).toMatchObject({ status: 'fail', measured: { signature: 'quicktime' } });
    expect(findingOf(file('good'), 'container.mp4').status).toBe('pass');
  });
});
