import { defineRule } from './rule.js';

export default defineRule({
  id: 'audio.channels',
  area: 'audio',
  notice: '声道：双声道',
  description: 'The audio has exactly two channels.',
  severity: 'error',
  needs: ['probe'],
  options: { channels: { default: 2, min: 1, description: 'Required number of channels.' } },
  check({ audio }, { channels }) {
    const expected = { expectedId: 'audio.channels/expected', expectedParams: { required: channels } };
    if (!audio) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const params = { channels: audio.channels, layout: audio.channelLayout || null, required: channels };
    if (audio.channels === channels) return { status: 'pass', messageId: 'audio.channels/pass', params, measured: audio.channels, ...expected };
    return { status: 'fail', messageId: 'audio.channels/wrong', params, measured: audio.channels, ...expected };
  },
});
