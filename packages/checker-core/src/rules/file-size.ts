import { defineRule } from './rule.js';
import { formatBytes } from '../facts/units.js';

export default defineRule({
  id: 'file.size',
  area: 'file',
  notice: '上传的单个视频文件不能超过1GB',
  description: 'The file is at most 1 GiB (1,073,741,824 bytes).',
  severity: 'error',
  needs: ['probe'],
  options: { maxBytes: { default: 1024 ** 3, min: 1, description: 'Largest allowed file, in bytes.' } },
  check({ sizeBytes }, { maxBytes }) {
    const expected = `≤ ${maxBytes} bytes`;
    const size = `${sizeBytes.toLocaleString('en-US')} bytes (${formatBytes(sizeBytes)})`;
    if (sizeBytes <= maxBytes) return { status: 'pass', message: `file size ${size}`, measured: sizeBytes, expected };
    return {
      status: 'fail',
      message: `file is ${size}, over the ${formatBytes(maxBytes)} upload limit by ${(sizeBytes - maxBytes).toLocaleString('en-US')} bytes`,
      measured: sizeBytes,
      expected,
    };
  },
});
