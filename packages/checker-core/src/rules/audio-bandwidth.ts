import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.bandwidth',
  area: 'audio',
  notice: '伴音清晰、饱满、圆润',
  description:
    'The narration is not band-limited: over active speech, the energy above 4 kHz is no more than 35 dB under the energy from 300 Hz to 4 kHz. Natural speech reads about −15 to −25 dB; a telephone-band or over-compressed source about −55 dB.',
  severity: 'warning',
  needs: ['audio'],
  options: { maxBelowDb: { default: 35, min: 0, description: 'How far the energy above 4 kHz may lie under the energy from 300 Hz to 4 kHz, dB.' } },
  check({ audioAnalysis }, { maxBelowDb }) {
    const expected = { expectedId: 'audio.bandwidth/expected', expectedParams: { maxBelowDb } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { bandwidth } = audioAnalysis;
    const measured = {
      highBelowSpeechDb: bandwidth.highBelowSpeechDb === null ? null : round(bandwidth.highBelowSpeechDb, 1),
      speechS: round(bandwidth.speechS, 1),
    };
    if (measured.highBelowSpeechDb === null) return { status: 'warn', messageId: 'audio.bandwidth/no-speech', measured, ...expected };
    // The message says how far under, a positive number of dB.
    const params = { belowDb: round(-measured.highBelowSpeechDb, 1), maxBelowDb, speechS: measured.speechS };
    if (measured.highBelowSpeechDb >= -maxBelowDb) return { status: 'pass', messageId: 'audio.bandwidth/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'audio.bandwidth/narrow', params, measured, ...expected };
  },
});
