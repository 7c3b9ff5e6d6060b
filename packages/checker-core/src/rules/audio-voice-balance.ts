import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.voice-balance',
  area: 'audio',
  notice: '解说声与现场声无明显比例失调；解说声与背景音乐无明显比例失调',
  description:
    'The narration stands clearly above the bed under it (background music, location sound, ambience): the loudness of the programme while the narrator speaks, against the loudness of the bed alone in the pauses between utterances, differs by at least 10 LU. Pauses that are silent or hold only a steady noise floor (their 100 ms level varies by less than 3 dB) pass: noise is audio.snr\'s matter.',
  severity: 'error',
  needs: ['audio'],
  options: { minDifferenceLu: { default: 10, min: 0, description: 'The narration must be at least this much louder than the bed in the pauses, LU.' } },
  check({ audioAnalysis }, { minDifferenceLu }) {
    const expected = { expectedId: 'audio.voice-balance/expected', expectedParams: { minDifferenceLu } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { voiceBalance: balance } = audioAnalysis;
    const rounded = (value: number | null) => (value === null ? null : round(value, 1));
    const measured = {
      speechLufs: rounded(balance.speechLufs),
      bedLufs: rounded(balance.bedLufs),
      differenceLu: rounded(balance.differenceLu),
      pauseS: round(balance.pauseS, 1),
      bedSpreadDb: rounded(balance.bedSpreadDb),
      bed: balance.bed,
    };
    const params = { speechLufs: measured.speechLufs, bedLufs: measured.bedLufs, differenceLu: measured.differenceLu, pauseS: measured.pauseS, minDifferenceLu };
    if (balance.bed === 'none') return { status: 'warn', messageId: 'audio.voice-balance/no-pauses', params: { speechLufs: measured.speechLufs }, measured, ...expected };
    if (balance.bed === 'silent') return { status: 'pass', messageId: 'audio.voice-balance/silent', params, measured, ...expected };
    if (balance.bed === 'steady') return { status: 'pass', messageId: 'audio.voice-balance/steady', params: { ...params, spreadDb: measured.bedSpreadDb }, measured, ...expected };
    if (balance.differenceLu !== null && balance.differenceLu >= minDifferenceLu) return { status: 'pass', messageId: 'audio.voice-balance/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'audio.voice-balance/bed-too-loud', params, measured, ...expected };
  },
});
