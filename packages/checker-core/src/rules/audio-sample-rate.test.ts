import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { verdictOf } from '../testing/run-rule.js';

describe('audio.sample-rate', () => {
  it.each([
    [48000, 'pass'],
    [44100, 'fail'],
    [96000, 'fail'],
  ] as const)('%i Hz → %s', (sampleRateHz, status) => {
    expect(verdictOf('audio.sample-rate', makeFacts({ audio: { sampleRateHz } }))).toBe(status);
  });
});
