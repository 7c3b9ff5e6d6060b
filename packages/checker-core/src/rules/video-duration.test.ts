import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('video.duration', () => {
  it.each([
    [299.9, 'fail'],
    [300, 'pass'],
    [900, 'pass'],
    [900.1, 'fail'],
  ] as const)('%s s → %s, as a warning', (durationS, status) => {
    const [finding] = runRule('video.duration', makeFacts({ durationS }));
    expect(finding!.status).toBe(status);
    expect(finding!.severity).toBe('warning');
  });
});
