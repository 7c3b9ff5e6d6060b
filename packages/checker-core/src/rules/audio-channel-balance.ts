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
    const expected = `|left − right| ≤ ${maxDifferenceDb} dB over speech, neither channel silent`;
    if (!audioAnalysis) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    if (audioAnalysis.channels < 2) return { status: 'skip', message: 'mono: audio.channels already judges it', measured: null, expected };
    const { levelsDbfs, differenceDb, activeFrames } = audioAnalysis.channelBalance;
    const [left = null, right = null] = levelsDbfs.map((db) => (db === null ? null : round(db, 1)));
    const measured = { leftDbfs: left, rightDbfs: right, differenceDb: differenceDb === null ? null : round(differenceDb, 1) };
    if (activeFrames === 0) return { status: 'warn', message: 'no speech found to compare the channels over', measured, expected };
    const silent = [left, right].map((db, c) => (db === null || db < silentBelowDbfs ? (c === 0 ? 'left' : 'right') : null)).filter(Boolean);
    const levels = `left ${left ?? 'silent'} dBFS, right ${right ?? 'silent'} dBFS`;
    if (silent.length > 0) return { status: 'fail', message: `the ${silent.join(' and ')} channel is silent (${levels}): mix the narration to both channels`, measured, expected };
    if (Math.abs(differenceDb!) > maxDifferenceDb) {
      const quieter = differenceDb! > 0 ? 'right' : 'left';
      return { status: 'fail', message: `the ${quieter} channel is ${Math.abs(measured.differenceDb!)} dB quieter (${levels}): mix the narration to both channels`, measured, expected };
    }
    return { status: 'pass', message: `balanced within ${Math.abs(measured.differenceDb!)} dB (${levels})`, measured, expected };
  },
});
