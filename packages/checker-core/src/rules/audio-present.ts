import { defineRule } from './rule.js';

export default defineRule({
  id: 'audio.present',
  area: 'audio',
  notice: '音频格式及技术参数',
  description: 'The file has at least one audio stream.',
  severity: 'error',
  needs: ['probe'],
  options: {},
  check({ audio, audioStreamCount }) {
    const expected = { expectedId: 'audio.present/expected' };
    if (!audio) return { status: 'fail', messageId: 'audio.present/none', measured: 0, ...expected };
    return { status: 'pass', messageId: 'audio.present/pass', params: { count: audioStreamCount }, measured: audioStreamCount, ...expected };
  },
});
