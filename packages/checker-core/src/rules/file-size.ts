import { defineRule } from './rule.js';

export default defineRule({
  id: 'file.size',
  area: 'file',
  notice: '上传的单个视频文件不能超过1GB',
  description: 'The file is at most 1 GiB (1,073,741,824 bytes).',
  severity: 'error',
  needs: ['probe'],
  options: { maxBytes: { default: 1024 ** 3, min: 1, description: 'Largest allowed file, in bytes.' } },
  check({ sizeBytes }, { maxBytes }) {
    const expected = { expectedId: 'file.size/expected', expectedParams: { maxBytes } };
    if (sizeBytes <= maxBytes) return { status: 'pass', messageId: 'file.size/pass', params: { sizeBytes }, measured: sizeBytes, ...expected };
    return { status: 'fail', messageId: 'file.size/too-large', params: { sizeBytes, maxBytes, overBytes: sizeBytes - maxBytes }, measured: sizeBytes, ...expected };
  },
});
