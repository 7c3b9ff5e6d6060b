import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

const sync = (startOffsetMs: number, endOffsetMs: number | null = 0) => runRule('av.sync', makeFacts({ sync: { startOffsetMs, endOffsetMs } }))[0]!;

describe('av.sync', () => {
  it.each([
    [-40, 'pass'],
    [-41, 'fail'],
    [60, 'pass'],
    [61, 'fail'],
  ] as const)('start offset %i ms → %s (EBU R37 window)', (ms, status) => {
    expect(sync(ms).status).toBe(status);
  });
  it('reports the larger of the start and end offsets', () => {
    const finding = sync(10, -120);
    expect(finding.status).toBe('fail');
    expect(finding.measured).toBe(-120);
    expect(finding.message).toContain('120 ms early at the end');
    expect(finding.params).toMatchObject({ start: { messageId: 'av.sync/offset', params: { offsetMs: 10, direction: 'late' } }, end: { params: { offsetMs: -120, absMs: 120, direction: 'early' } } });
    expect(textOf(finding, 'zh')).toBe(
      '声音和画面不同步：开头声音晚 10 毫秒，结尾声音早 120 毫秒，超出允许范围（声音最多早 40 毫秒、晚 60 毫秒）：请在剪辑软件里对齐声音和画面后重新导出',
    );
  });
  it('skips without both streams', () => {
    expect(runRule('av.sync', makeFacts({ audio: null }))[0]!.status).toBe('skip');
  });
});
