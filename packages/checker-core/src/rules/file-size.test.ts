import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, verdictOf } from '../testing/run-rule.js';

describe('file.size', () => {
  it('passes exactly 1 GiB and fails one byte more, with the exact count', () => {
    expect(verdictOf('file.size', makeFacts({ sizeBytes: 1_073_741_824 }))).toBe('pass');
    const [finding] = runRule('file.size', makeFacts({ sizeBytes: 1_073_741_825 }));
    expect(finding!.status).toBe('fail');
    expect(finding!.measured).toBe(1_073_741_825);
    expect(finding!.message).toContain('1,073,741,825 bytes');
    expect(finding!.message).toContain('by 1 bytes');
  });
  it('honours a profile limit', () => {
    expect(verdictOf('file.size', makeFacts({ sizeBytes: 600 }), { maxBytes: 500 })).toBe('fail');
  });
});
