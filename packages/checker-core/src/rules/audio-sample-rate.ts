import { defineRule } from './rule.js';

export default defineRule({
  id: 'audio.sample-rate',
  area: 'audio',
  notice: '音频采样率：48KHz',
  description: 'The audio is sampled at 48,000 Hz.',
  severity: 'error',
  needs: ['probe'],
  options: { sampleRateHz: { default: 48000, min: 1, description: 'Required sample rate, in Hz.' } },
  check({ audio }, { sampleRateHz }) {
    const expected = { expectedId: 'audio.sample-rate/expected', expectedParams: { requiredHz: sampleRateHz } };
    if (!audio) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const measured = audio.sampleRateHz;
    const params = { sampleRateHz: measured, requiredHz: sampleRateHz };
    if (measured === sampleRateHz) return { status: 'pass', messageId: 'audio.sample-rate/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'audio.sample-rate/wrong', params, measured, ...expected };
  },
});
