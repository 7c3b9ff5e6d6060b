import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.channel-balance',
  area: 'audio',
  notice: '做混音处理',
  description:
    'Both channels carry the programme: neither is silent, nor more than 10 dB quieter than the other over active speech (narration only on the left channel is the classic defect). Mono files skip; with more channels, front left against front right.',
  severity: 'error',
  needs: ['audio'],
  options: {
    maxDifferenceDb: { default: 10, min: 0, description: 'Largest level difference between the channels over speech, dB.' },
    silentBelowDbfs: { default: -90, max: 0, description: 'A channel quieter than this over speech is silent, dBFS.' },
  },
  check({ audioAnalysis }, { maxDifferenceDb, silentBelowDbfs }) {
    const expected = { expectedId: 'audio.channel-balance/expected', expectedParams: { maxDifferenceDb } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    if (audioAnalysis.channels < 2) return { status: 'skip', messageId: 'audio.channel-balance/mono', measured: null, ...expected };
    const { levelsDbfs, differenceDb, activeFrames } = audioAnalysis.channelBalance;
    const [left = null, right = null] = levelsDbfs.map((db) => (db === null ? null : round(db, 1)));
    const measured = { leftDbfs: left, rightDbfs: right, differenceDb: differenceDb === null ? null : round(differenceDb, 1) };
    if (activeFrames === 0) return { status: 'warn', messageId: 'audio.channel-balance/no-speech', measured, ...expected };
    const silent = [left, right].map((db, c) => (db === null || db < silentBelowDbfs ? (c === 0 ? 'left' : 'right') : null)).filter(Boolean);
    const levels = { leftDbfs: left, rightDbfs: right };
    if (silent.length > 0) {
      return { status: 'fail', messageId: 'audio.channel-balance/silent', params: { silent: silent.length > 1 ? 'both' : silent[0]!, ...levels }, measured, ...expected };
    }
    const params = { ...levels, differenceDb: Math.abs(measured.differenceDb!) };
    if (Math.abs(differenceDb!) > maxDifferenceDb) {
      return { status: 'fail', messageId: 'audio.channel-balance/unbalanced', params: { ...params, quieter: differenceDb! > 0 ? 'right' : 'left' }, measured, ...expected };
    }
    return { status: 'pass', messageId: 'audio.channel-balance/pass', params, measured, ...expected };
  },
});
