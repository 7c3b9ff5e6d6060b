import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { verdictOf } from '../testing/run-rule.js';

describe('audio.channels', () => {
  it.each([
    [1, 'fail'],
    [2, 'pass'],
    [6, 'fail'],
  ] as const)('%i channel(s) → %s', (channels, status) => {
    expect(verdictOf('audio.channels', makeFacts({ audio: { channels } }))).toBe(status);
  });
});
