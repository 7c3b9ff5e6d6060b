import { defineRule } from './rule.js';

export default defineRule({
  id: 'video.codec',
  area: 'video',
  notice: '视频编码：H.264',
  description: 'The first video stream is H.264/AVC.',
  severity: 'error',
  needs: ['probe'],
  options: {},
  check({ video }) {
    const expected = { expectedId: 'video.codec/expected' };
    if (!video) return { status: 'fail', messageId: 'video.codec/no-video', measured: null, ...expected };
    const params = { codec: video.codec, profile: video.profile || null };
    if (video.codec === 'h264') return { status: 'pass', messageId: 'video.codec/pass', params, measured: video.codec, ...expected };
    return { status: 'fail', messageId: 'video.codec/not-h264', params, measured: video.codec, ...expected };
  },
});
