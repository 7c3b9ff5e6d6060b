import { describe, expect, it } from 'vitest';
import { interleave, sine, dbToAmplitude } from '../../testing/signals.js';
import { measureChannelBalance } from './channel-balance.js';
import { HopLevelMeter } from './frame-levels.js';

function balance(rightGainDb: number | null) {
  const voice = sine(48000 * 5, 200, 0.3);
  const right = rightGainDb === null ? new Float64Array(voice.length) : voice.map((x) => x * dbToAmplitude(rightGainDb));
  const meter = new HopLevelMeter(48000, 2);
  meter.push(interleave(voice, right), voice.length);
  return measureChannelBalance(meter.finish(), null);
}

describe('measureChannelBalance', () => {
  it('measures the difference between the channels over speech', () => {
    expect(balance(-3).differenceDb!).toBeCloseTo(3, 1);
    expect(balance(-30).differenceDb!).toBeCloseTo(30, 1);
    expect(balance(0).differenceDb!).toBeCloseTo(0, 6);
  });

  it('reads a silent channel as −Infinity dBFS', () => {
    const result = balance(null);
    expect(result.levelsDbfs[1]).toBe(-Infinity);
    expect(result.differenceDb).toBe(200);
  });
});
