import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { runRule, textOf, verdictOf } from '../testing/run-rule.js';

const container = (over: object) => makeFacts({ container: { ...makeFacts().container, ...over } });

describe('container.mp4', () => {
  it('passes ISO BMFF with an MP4 brand', () => {
    expect(verdictOf('container.mp4', container({ majorBrand: 'mp42', compatibleBrands: ['mp42', 'isom'] }))).toBe('pass');
  });
  it('fails QuickTime, Matroska and other data, naming what it is', () => {
    const [mov] = runRule('container.mp4', container({ signature: 'quicktime', majorBrand: 'qt  ', compatibleBrands: ['qt  '] }));
    expect(mov).toMatchObject({ messageId: 'container.mp4/not-mp4', params: { kind: 'quicktime' }, message: expect.stringMatching(/QuickTime/) });
    expect(textOf(mov!, 'zh')).toBe('封装格式不是 MP4，而是 QuickTime 影片（.mov）：请在导出时选择 MP4 格式，或用转封装工具转成 MP4');
    expect(runRule('container.mp4', container({ signature: 'matroska', majorBrand: null, compatibleBrands: [] }))[0]!.message).toMatch(/Matroska/);
    expect(verdictOf('container.mp4', container({ signature: 'other', majorBrand: null, compatibleBrands: [], formatName: 'avi' }))).toBe('fail');
  });
  it('fails an ISO BMFF file whose brands are not MP4 (3GPP)', () => {
    const finding = runRule('container.mp4', container({ majorBrand: '3gp4', compatibleBrands: ['3gp4', '3gp5'] }))[0]!;
    expect(finding.status).toBe('fail');
    expect(finding.message).toMatch(/3gp4/);
    expect(textOf(finding, 'zh')).toContain('品牌为“3gp4”的 ISO 媒体文件');
  });
});
