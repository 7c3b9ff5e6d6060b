import { defineRule } from './rule.js';

export default defineRule({
  id: 'audio.codec',
  area: 'audio',
  notice: '音频压缩：AAC 格式编码',
  description: 'The first audio stream is AAC (the notice misspells it "ACC").',
  severity: 'error',
  needs: ['probe'],
  options: {},
  check({ audio }) {
    const expected = { expectedId: 'audio.codec/expected' };
    if (!audio) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const params = { codec: audio.codec, profile: audio.profile || null };
    if (audio.codec === 'aac') return { status: 'pass', messageId: 'audio.codec/pass', params, measured: audio.codec, ...expected };
    return { status: 'fail', messageId: 'audio.codec/not-aac', params, measured: audio.codec, ...expected };
  },
});
