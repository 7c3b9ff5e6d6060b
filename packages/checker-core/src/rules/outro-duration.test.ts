import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

describe('outro.duration', () => {
  it('takes a chapter named 片尾 / credits exactly: 5 s passes, 5.5 s fails', () => {
    expect(runRule('outro.duration', makeFacts({ chapters: [{ title: '片尾', startS: 595, endS: 600 }] }))[0]).toMatchObject({ status: 'pass', measured: { durationS: 5 } });
    const [long] = runRule('outro.duration', makeFacts({ chapters: [{ title: 'End credits', startS: 594.5, endS: 600 }] }));
    expect(long).toMatchObject({ status: 'fail', messageId: 'outro.duration/too-long', params: { durationS: 5.5, maxS: 5 } });
    expect(textOf(long!, 'zh')).toBe('片尾长 5.5 秒，超过 5 秒（章节“End credits”，594.5–600 秒）：请把片尾剪到 5 秒以内');
  });
  it('skips without pictures or chapters', () => {
    expect(runRule('outro.duration', makeFacts())[0]!.status).toBe('skip');
  });
});
