import { beforeAll, describe, expect, it } from 'vitest';
import { probeMedia, type MediaFacts } from '@courseware-check/checker-core';
import { analyzeVideo } from '../packages/checker-core/src/analyze/video/analyze-video.js';
import { makeFrames, withFrames } from '../packages/checker-core/src/testing/make-facts.js';
import { runRule } from '../packages/checker-core/src/testing/run-rule.js';
import { H264, makeMedia } from './helpers/media.js';

/**
 * video.shake against known displacements: a photo-like texture (noise at three scales, blended)
 * seen through a 1280×720 window (`crop`) whose position per frame is a formula of the frame number,
 * so that the true displacement of every frame pair is known exactly (whole pixels, 0.078 % of the
 * width each). 8 s clips, x264 ultrafast.
 */
const W = 1280;
const H = 720;
const FRAMES = 200;
const TEXTURE_W = 2200;
const TEXTURE_H = 1000;
const noise = (w: number, h: number, seed: number, label: string) =>
  `color=c=0x808080:s=${w}x${h}:d=1,noise=alls=100:allf=u:all_seed=${seed},scale=${TEXTURE_W}:${TEXTURE_H}:flags=bicubic[${label}]`;
const TEXTURE = `${noise(55, 25, 1, 'a')};${noise(220, 100, 2, 'b')};${noise(880, 400, 3, 'c')};[a][b]blend=all_mode=average[ab];[ab][c]blend=all_expr='A*0.75+B*0.25',eq=contrast=2,loop=loop=${FRAMES - 1}:size=1:start=0,setpts=N/25/TB`;

/** A hand-held camera's wobble: three incommensurate sines of the frame number, amplitude in pixels. */
const wobble = (amplitudePx: number, phase: number) => ({
  expr: `round(${amplitudePx}*(sin(n*1.3+${phase})+0.7*sin(n*2.9+${phase + 1})+0.5*sin(n*0.7+${phase + 2})))`,
  at: (n: number) => Math.round(amplitudePx * (Math.sin(n * 1.3 + phase) + 0.7 * Math.sin(n * 2.9 + phase + 1) + 0.5 * Math.sin(n * 0.7 + phase + 2))),
});

interface Window {
  /** The window's top-left corner in the texture at frame n (whole pixels). */
  x: (n: number) => number;
  y: (n: number) => number;
  xExpr: string;
  yExpr: string;
}

const shakyX = wobble(8, 0), shakyY = wobble(6, 5), mildX = wobble(2, 0), mildY = wobble(1.5, 5);
const WINDOWS: Record<string, Window> = {
  shaky: { x: (n) => 400 + shakyX.at(n), y: (n) => 140 + shakyY.at(n), xExpr: `400+${shakyX.expr}`, yExpr: `140+${shakyY.expr}` },
  'mild-shake': { x: (n) => 400 + mildX.at(n), y: (n) => 140 + mildY.at(n), xExpr: `400+${mildX.expr}`, yExpr: `140+${mildY.expr}` },
  // 4 px a frame: the picture's width in 13 s, a brisk pan.
  pan: { x: (n) => 20 + 4 * n, y: () => 140, xExpr: '20+4*n', yExpr: '140' },
  // A pan with shake on top of it: the shake must be found, the pan not counted.
  'shaky-pan': { x: (n) => 20 + 4 * n + shakyX.at(n), y: (n) => 140 + shakyY.at(n), xExpr: `20+4*n+${shakyX.expr}`, yExpr: `140+${shakyY.expr}` },
};
const windowed = (name: string, w: Window) =>
  makeMedia(`shake-${name}.mp4`, ['-filter_complex', `${TEXTURE},crop=${W}:${H}:x='${w.xExpr}':y='${w.yExpr}':exact=1,format=yuv420p`, '-t', String(FRAMES / 25), '-r', '25', ...H264]);

const MEDIA: Record<string, () => Promise<string>> = {
  ...Object.fromEntries(Object.entries(WINDOWS).map(([name, w]) => [name, () => windowed(name, w)])),
  // On a tripod: the still scene with sensor grain and a person-sized dark shape walking across it.
  tripod: () =>
    makeMedia('shake-tripod.mp4', [
      '-filter_complex',
      `${TEXTURE},crop=${W}:${H}:400:140,noise=alls=6:allf=t[scene];color=c=0x303030:s=200x420:r=25:d=8[person];[scene][person]overlay=x='100+60*t':y=200:shortest=1,format=yuv420p`,
      '-t', '8', '-r', '25', ...H264,
    ]),
  // The same with a presenter's gestures: a hand-sized shape waving fast and irregularly (local motion, not the camera's).
  'tripod-gestures': () =>
    makeMedia('shake-tripod-gestures.mp4', [
      '-filter_complex',
      `${TEXTURE},crop=${W}:${H}:400:140,noise=alls=6:allf=t[scene];color=c=0x303030:s=200x420:r=25:d=8[person];color=c=0xD0A080:s=90x90:r=25:d=8[hand];[scene][person]overlay=x='500+20*sin(t*2)':y=200[shot];[shot][hand]overlay=x='720+90*sin(t*7)*sin(t*1.3)':y='260+60*sin(t*11)':shortest=1,format=yuv420p`,
      '-t', '8', '-r', '25', ...H264,
    ]),
  // A slow zoom in (30 % over 8 s) on the centre, as a camera operator makes it.
  zoom: () =>
    makeMedia('shake-zoom.mp4', ['-filter_complex', `${TEXTURE},zoompan=z='1+0.0015*on':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=${W}x${H}:fps=25,format=yuv420p`, '-t', '8', ...H264]),
  // Four still pictures of the same texture, cut every 2 s: alike in every statistic, different in place.
  'textured-slides': () =>
    makeMedia('shake-textured-slides.mp4', ['-filter_complex', `${TEXTURE},crop=${W}:${H}:x='trunc(n/50)*230':y='trunc(n/50)*70':exact=1,format=yuv420p`, '-t', '8', '-r', '25', ...H264]),
  // A slide deck: text-like lines on white, a new slide every 2 s.
  'slide-deck': () =>
    makeMedia('shake-slide-deck.mp4', [
      '-f', 'lavfi', '-i', `color=c=white:s=320x180:r=25:d=8,format=yuv420p,geq=lum='if(lt(mod(Y\\,14)\\,6)*gt(Y\\,30)*lt(X\\,40+mod(Y*37+floor(T/2)*91\\,240))*gt(X\\,20+20*mod(floor(T/2)\\,2)),40,235)':cb=128:cr=128,scale=${W}:${H}:flags=neighbor`,
      ...H264,
    ]),
  // A screen recording: typing (a character every 0.15 s on a white page) and a cursor drifting over it.
  'screen-typing': () =>
    makeMedia('shake-screen-typing.mp4', [
      '-f', 'lavfi', '-i',
      `color=c=white:s=320x180:r=25:d=8,format=yuv420p,geq=lum='if(lte(floor((Y-20)/10)*48+floor((X-16)/6)\\,floor(T/0.15))*gte(X\\,16)*lt(X\\,304)*gte(Y\\,20)*lt(mod(X-16\\,6)\\,4)*lt(mod(Y-20\\,10)\\,6)\\,30\\,240)':cb=128:cr=128[page];color=c=black:s=4x6:r=25:d=8[cursor];[page][cursor]overlay=x='40+t*11':y='120-t*5':shortest=1,scale=${W}:${H}:flags=neighbor`,
      ...H264,
    ]),
};

const facts: Record<string, MediaFacts> = {};
beforeAll(async () => {
  const names = Object.keys(MEDIA);
  for (let i = 0; i < names.length; i += 2) {
    await Promise.all(
      names.slice(i, i + 2).map(async (name) => {
        const path = await MEDIA[name]!();
        const probed = await probeMedia(path);
        probed.videoAnalysis = await analyzeVideo(path, probed.video!, probed.video!.frameTimesS);
        facts[name] = probed;
      }),
    );
  }
}, 600_000);

const shake = (name: string) => runRule('video.shake', facts[name]!)[0]!;
const worstPercent = (name: string) => (shake(name).measured as { worstRmsPercentOfWidth: number }).worstRmsPercentOfWidth;

/** The true displacements of a windowed clip as frame stats, judged by the rule: the truth's worst window. */
function truthOf(w: Window) {
  const x = Array.from({ length: FRAMES }, (_, n) => (n === 0 ? Number.NaN : -(w.x(n) - w.x(n - 1)) / W));
  const y = Array.from({ length: FRAMES }, (_, n) => (n === 0 ? Number.NaN : -(w.y(n) - w.y(n - 1)) / W));
  return { x, y, worstPercent: (runRule('video.shake', withFrames(makeFrames(FRAMES, { shiftXOfWidth: x, shiftYOfWidth: y })))[0]!.measured as { worstRmsPercentOfWidth: number }).worstRmsPercentOfWidth };
}

describe('video.shake: the displacement against the truth', () => {
  it.each(Object.keys(WINDOWS))('%s: every frame pair measured, RMS error < 0.1 % of the width per axis; the worst window within 0.05 points', (name) => {
    const truth = truthOf(WINDOWS[name]!);
    const frames = facts[name]!.videoAnalysis!.frames;
    let squaredError = 0, measured = 0;
    for (let i = 1; i < FRAMES; i++) {
      if (!Number.isFinite(frames.shiftXOfWidth[i]!) || !Number.isFinite(frames.shiftYOfWidth[i]!)) continue;
      squaredError += (frames.shiftXOfWidth[i]! - truth.x[i]!) ** 2 + (frames.shiftYOfWidth[i]! - truth.y[i]!) ** 2;
      measured++;
    }
    const errorPercent = 100 * Math.sqrt(squaredError / measured / 2);
    process.stdout.write(`${name}: ${measured}/${FRAMES - 1} pairs measured, RMS error ${errorPercent.toFixed(3)} % of width per axis; worst window ${worstPercent(name)} % (true ${truth.worstPercent} %)\n`);
    expect(measured).toBeGreaterThanOrEqual(FRAMES - 3);
    expect(errorPercent).toBeLessThan(0.1);
    expect(Math.abs(worstPercent(name) - truth.worstPercent)).toBeLessThanOrEqual(0.05);
  });
});

describe('video.shake: verdicts', () => {
  it.each([
    ['shaky', 'fail'],
    ['shaky-pan', 'fail'],
    ['mild-shake', 'pass'],
    ['pan', 'pass'],
    ['tripod', 'pass'],
    ['tripod-gestures', 'pass'],
    ['zoom', 'pass'],
    ['textured-slides', 'pass'],
    ['slide-deck', 'pass'],
    ['screen-typing', 'pass'],
  ])('%s: %s', (name, status) => {
    const finding = shake(name);
    process.stdout.write(`${name}: video.shake ${finding.status}, worst ${worstPercent(name)} % of width in ${(finding.measured as { windowsJudged: number }).windowsJudged} windows\n`);
    expect(finding.status).toBe(status);
  });

  it('names the shaky passage: the whole clip', () => {
    const [first] = shake('shaky').at!;
    expect(first!.start).toBeLessThanOrEqual(0.1);
    expect(first!.end).toBeGreaterThanOrEqual(7.9);
  });

  it('leaves out the pairs across the cuts of a deck of alike pictures, and measures the rest', () => {
    const frames = facts['textured-slides']!.videoAnalysis!.frames;
    const cutPairs = [50, 100, 150];
    for (let i = 1; i < FRAMES; i++) if (!cutPairs.includes(i)) expect(Math.abs(frames.shiftXOfWidth[i]!), `pair ${i}`).toBeLessThan(0.0005);
    // Across a cut the pictures are alike in every statistic but place: the pair is not measured (no fit), or the cut is seen.
    for (const i of cutPairs) expect(Number.isNaN(frames.shiftXOfWidth[i]!) || Number.isNaN(frames.shiftYOfWidth[i]!) || frames.cut[i]! >= 0.3, `pair ${i}`).toBe(true);
  });
});
