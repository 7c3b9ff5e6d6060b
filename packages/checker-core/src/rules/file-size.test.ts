import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

describe('file.size', () => {
  it('passes exactly 1 GiB and fails one byte more, with the exact count', () => {
    expect(verdictOf('file.size', makeFacts({ sizeBytes: 1_073_741_824 }))).toBe('pass');
    const [finding] = runRule('file.size', makeFacts({ sizeBytes: 1_073_741_825 }));
    expect(finding!.status).toBe('fail');
    expect(finding!.measured).toBe(1_073_741_825);
    expect(finding).toMatchObject({ messageId: 'file.size/too-large', params: { sizeBytes: 1_073_741_825, maxBytes: 1_073_741_824, overBytes: 1 } });
    expect(finding!.message).toContain('1,073,741,825 bytes');
    expect(finding!.message).toContain('by 1 byte:');
    expect(textOf(finding!, 'zh')).toBe('文件大小 1 GiB（1,073,741,825 字节），超过单个文件的上传上限 1 GiB，多出 1 字节：请降低码率重新导出，或把课程拆成几段');
  });
  it('honours a profile limit', () => {
    expect(verdictOf('file.size', makeFacts({ sizeBytes: 600 }), { maxBytes: 500 })).toBe('fail');
  });
});
