import { describe, expect, it } from 'vitest';
import { random } from '../../testing/signals.js';
import { findUtterances, otsuThreshold } from './utterances.js';
import { measureVoiceBalance } from './voice-balance.js';

const energyOf = (lufs: number) => 10 ** ((lufs + 0.691) / 10);

/**
 * 100 ms blocks: utterances of 2.5 s whose syllables swing from the speech level down to 15 dB under
 * it, then 0.8 s pauses; under it all a bed at `bedLufs` whose level moves by ±`bedSwingDb`.
 */
function programme({ speechLufs = -20, bedLufs = -45, bedSwingDb = 4, durationS = 60 }) {
  const next = random(7);
  const blocks = Math.round(durationS * 10);
  return Float64Array.from({ length: blocks }, (_, i) => {
    const inPhrase = i % 33 < 25;
    const syllable = speechLufs - 15 * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 2.5));
    const bed = energyOf(bedLufs + bedSwingDb * (2 * next() - 1));
    return (inPhrase ? energyOf(syllable) : 0) + bed;
  });
}

describe('findUtterances and measureVoiceBalance', () => {
  it.each([25, 15, 8])('a moving bed %i LU under the speech: the pauses are found and the difference measured within 1.5 LU', (belowLu) => {
    const blocks = programme({ bedLufs: -20 - belowLu });
    const utterances = findUtterances(blocks);
    const balance = measureVoiceBalance(blocks, utterances);
    // The truth: the programme over the phrases, the bed over the pauses, from the same blocks.
    let speech = 0, speechCount = 0, bed = 0, bedCount = 0;
    blocks.forEach((e, i) => (i % 33 < 25 ? ((speech += e), speechCount++) : ((bed += e), bedCount++)));
    const trueDifferenceLu = 10 * Math.log10(speech / speechCount / (bed / bedCount));
    expect(balance.bed).toBe('moving');
    expect(Math.abs(balance.differenceLu! - trueDifferenceLu)).toBeLessThanOrEqual(1.5);
    expect(balance.pauseS).toBeGreaterThan(8);
  });

  it('a steady floor and exact zeros in the pauses are told apart from a bed', () => {
    const steady = programme({ bedLufs: -70, bedSwingDb: 0.5 });
    expect(measureVoiceBalance(steady, findUtterances(steady))).toMatchObject({ bed: 'steady' });
    const silent = programme({ bedLufs: -70, bedSwingDb: 0 }).map((e, i) => (i % 33 < 25 ? e : 0));
    expect(measureVoiceBalance(silent, findUtterances(silent))).toMatchObject({ bed: 'silent', bedLufs: null });
  });

  it('finds no pause in one steady level, and no speech in nothing', () => {
    const tone = new Float64Array(300).fill(energyOf(-20));
    expect(measureVoiceBalance(tone, findUtterances(tone)).bed).toBe('none');
    expect(findUtterances(new Float64Array(100)).thresholdLufs).toBeNull();
  });

  it('Otsu splits two clusters between them', () => {
    const values = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? -60 + (i % 5) : -20 - (i % 5)));
    const threshold = otsuThreshold(values)!;
    expect(threshold).toBeGreaterThan(-56);
    expect(threshold).toBeLessThanOrEqual(-24);
  });
});
