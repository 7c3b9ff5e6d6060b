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
    const expected = 'h264';
    if (!video) return { status: 'fail', message: 'no video stream', measured: null, expected };
    const profile = video.profile ? ` (${video.profile})` : '';
    if (video.codec === 'h264') return { status: 'pass', message: `H.264${profile}`, measured: video.codec, expected };
    return { status: 'fail', message: `video codec is ${video.codec}${profile}; re-encode as H.264`, measured: video.codec, expected };
  },
});
