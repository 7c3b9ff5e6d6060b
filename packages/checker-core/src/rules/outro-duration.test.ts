import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

describe('outro.duration', () => {
  it('takes a chapter named 片尾 / credits exactly: 5 s passes, 5.5 s fails', () => {
    expect(runRule('outro.duration', makeFacts({ chapters: [{ title: '片尾', startS: 595, endS: 600 }] }))[0]).toMatchObject({ status: 'pass', measured: { durationS: 5 } });
    expect(runRule('outro.duration', makeFacts({ chapters: [{ title: 'End credits', startS: 594.5, endS: 600 }] }))[0]!.status).toBe('fail');
  });
  it('skips without pictures or chapters', () => {
    expect(runRule('outro.duration', makeFacts())[0]!.status).toBe('skip');
  });
});
