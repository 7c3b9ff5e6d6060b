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
    const expected = 'aac';
    if (!audio) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const profile = audio.profile ? ` (${audio.profile})` : '';
    if (audio.codec === 'aac') return { status: 'pass', message: `AAC${profile}`, measured: audio.codec, expected };
    return { status: 'fail', message: `audio codec is ${audio.codec}${profile}; re-encode as AAC`, measured: audio.codec, expected };
  },
});
