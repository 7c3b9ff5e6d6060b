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
    const expected = `${sampleRateHz} Hz`;
    if (!audio) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const measured = audio.sampleRateHz;
    if (measured === sampleRateHz) return { status: 'pass', message: `${measured} Hz`, measured, expected };
    return { status: 'fail', message: `audio sampled at ${measured} Hz; expected ${sampleRateHz} Hz`, measured, expected };
  },
});
