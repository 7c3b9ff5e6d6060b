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
    const expected = '≥ 1 audio stream';
    if (!audio) return { status: 'fail', message: 'no audio stream: the lesson is silent', measured: 0, expected };
    return { status: 'pass', message: `${audioStreamCount} audio stream(s)`, measured: audioStreamCount, expected };
  },
});
