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
    const expected = `${channels} channels`;
    if (!audio) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const layout = audio.channelLayout ? ` (${audio.channelLayout})` : '';
    if (audio.channels === channels) return { status: 'pass', message: `${audio.channels} channels${layout}`, measured: audio.channels, expected };
    return { status: 'fail', message: `audio has ${audio.channels} channel(s)${layout}; expected ${channels} (stereo)`, measured: audio.channels, expected };
  },
});
