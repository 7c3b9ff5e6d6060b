import { describe, expect, it } from 'vitest';
import { makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

/** 10 s at 25 fps with a horizontal displacement per frame pair from `shiftAt(i)` (widths); 0 for the first frame. */
const frames = (shiftAt: (i: number) => number, columns: Parameters<typeof makeFrames>[1] = {}) =>
  makeFrames(250, { shiftXOfWidth: Array.from({ length: 250 }, (_, i) => (i === 0 ? Number.NaN : shiftAt(i))), ...columns });
/** Alternating ±a: an RMS of a, less the 1 s average's share of it (25 pairs, one unpaired: a / 25). */
const jitter = (a: number) => (i: number) => (i % 2 === 0 ? a : -a);

describe('video.shake', () => {
  it('skips a file whose pictures were not decoded', () => {
    expect(runRule('video.shake', makeFacts())[0]).toMatchObject({ status: 'skip' });
  });
  it('passes a still picture and a steady pan (the moving average is the intended motion)', () => {
    expect(runRule('video.shake', withFrames(frames(() => 0)))[0]).toMatchObject({ status: 'pass', measured: { worstRmsPercentOfWidth: 0 } });
    expect(runRule('video.shake', withFrames(frames(() => 0.01)))[0]).toMatchObject({ status: 'pass', measured: { worstRmsPercentOfWidth: 0 } });
  });
  it('fails shake over 0.4 % of the width, with its passage; passes it under', () => {
    const [shaky] = runRule('video.shake', withFrames(frames((i) => (i >= 100 && i < 200 ? jitter(0.006)(i) : 0))));
    expect(shaky).toMatchObject({ status: 'fail', messageId: 'video.shake/shaky', params: { count: 1 } });
    const worst = (shaky!.measured as { worstRmsPercentOfWidth: number }).worstRmsPercentOfWidth;
    expect(Math.abs(worst - 0.6 * (24 / 25))).toBeLessThan(0.005);
    // The windows holding enough of the shaky pairs, merged: from the first shaky pair to the last (the shake runs 4–8 s).
    expect(Math.abs(shaky!.at![0]!.start - 3.96)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(shaky!.at![0]!.end - 7.96)).toBeLessThanOrEqual(0.05);
    expect(textOf(shaky!, 'en')).toMatch(/^the camera shakes: 0\.57\d% of the picture width \(RMS\) at 0:0[45]/);
    expect(textOf(shaky!, 'zh')).toMatch(/^画面抖动：0:0[45](\.\d)? 处抖动达画面宽度的 0\.57\d%/);
    const [mild] = runRule('video.shake', withFrames(frames(jitter(0.003))));
    expect(mild!.status).toBe('pass');
    expect(Math.abs((mild!.measured as { worstRmsPercentOfWidth: number }).worstRmsPercentOfWidth - 0.3 * (24 / 25))).toBeLessThan(0.005);
  });
  it('leaves out the pair across a cut and pairs it could not measure', () => {
    // One jump of 20 % of the width at a cut, and unmeasured pairs (NaN) around it: nothing else moves.
    const cut = Array.from({ length: 250 }, (_, i) => (i === 125 ? 0.6 : 0));
    const withCut = frames((i) => (i === 125 ? 0.2 : i > 125 && i < 130 ? Number.NaN : 0), { cut });
    expect(runRule('video.shake', withFrames(withCut))[0]).toMatchObject({ status: 'pass', measured: { worstRmsPercentOfWidth: 0 } });
    // The same jump without the cut is what it is: a jolt.
    expect(runRule('video.shake', withFrames(frames((i) => (i === 125 ? 0.2 : 0))))[0]!.status).toBe('fail');
  });
  it('judges no window where under half the pairs are measured (a plain picture, local motion only)', () => {
    const [finding] = runRule('video.shake', withFrames(frames(() => Number.NaN)));
    expect(finding).toMatchObject({ status: 'pass', measured: { worstRmsPercentOfWidth: null, windowsJudged: 0 } });
    expect(textOf(finding!, 'en')).toMatch(/^shake not measured: in no 2 s window/);
  });
  it('takes the limit from the profile', () => {
    expect(runRule('video.shake', withFrames(frames(jitter(0.003))), { maxRmsPercentOfWidth: 0.2 })[0]!.status).toBe('fail');
  });
});
