import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts, makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

const damaged = (atS: number[], errorCount = atS.length) => {
  const facts = withFrames(makeFrames(250));
  facts.videoAnalysis!.damage = { errorCount, atS, firstError: 'error while decoding MB 3 4' };
  return facts;
};

describe('file.integrity', () => {
  it('passes streams that decoded without errors, and skips when nothing was decoded', () => {
    const facts = withFrames(makeFrames(25));
    facts.audioAnalysis = makeAudioAnalysis();
    expect(runRule('file.integrity', facts)[0]).toMatchObject({ status: 'pass', messageId: 'file.integrity/pass', params: { streams: 'both' }, message: 'video and audio decoded without errors', measured: 0 });
    expect(runRule('file.integrity', makeFacts())[0]!.status).toBe('skip');
  });
  it('fails with the damaged passages, errors a second apart or closer merged', () => {
    const [finding] = runRule('file.integrity', damaged([3.0, 3.4, 3.9, 8.2], 1237));
    expect(finding).toMatchObject({ status: 'fail', severity: 'error', measured: { video: 1237 }, at: [{ start: 3, end: 3.9 }, { start: 8.2, end: 8.2 }] });
    expect(finding).toMatchObject({
      messageId: 'file.integrity/damaged',
      params: { streams: [{ messageId: 'file.integrity/stream', params: { stream: 'video', errors: 1237, places: 2, startS: 3 } }], firstError: 'error while decoding MB 3 4' },
    });
    expect(finding!.message).toBe(
      'the file is damaged: video: 1,237 decoding errors in 2 places, the first at 0:03 (first error: error while decoding MB 3 4); export it again from the original project',
    );
    expect(textOf(finding!, 'zh')).toBe('文件已损坏：画面有 1,237 个解码错误，分布在 2 处，第一处在 0:03（第一个错误：error while decoding MB 3 4）。请用原始工程重新导出');
  });
});
