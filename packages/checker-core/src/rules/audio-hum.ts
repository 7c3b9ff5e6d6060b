import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.hum',
  area: 'audio',
  notice: '无交流声',
  description:
    'No 50 Hz / 60 Hz mains hum: in at least half of the pauses (the quietest 15 % of 0.5 s windows), no fundamental or harmonic (to the 4th) stands ≥ 10 dB above the spectrum ±6 and ±10 Hz beside it at ≥ −70 dBFS.',
  severity: 'error',
  needs: ['audio'],
  options: {
    minProminenceDb: { default: 10, min: 0, description: 'How far the tone must stand above the spectrum beside it, in dB.' },
    minLevelDbfs: { default: -70, max: 0, description: 'Quietest tone that counts as hum, dBFS (sine amplitude; measured within 0.5 dB).' },
    minPauseFraction: { default: 0.5, min: 0, max: 1, description: 'Share of the pauses that must have the tone.' },
  },
  audioMeters: (o) => ({ humMinProminenceDb: o.minProminenceDb, humMinLevelDbfs: o.minLevelDbfs }),
  check({ audioAnalysis }, { minPauseFraction }) {
    const expected = { expectedId: 'audio.hum/expected', expectedParams: { minPercent: Math.round(minPauseFraction * 100) } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { pauses, strongest } = audioAnalysis.hum;
    if (!strongest) return { status: 'pass', messageId: 'audio.hum/none', params: { pauses }, measured: { pauses, pausesWithHum: 0 }, ...expected };
    const measured = {
      pauses,
      pausesWithHum: strongest.pausesWithHum,
      frequencyHz: strongest.frequencyHz,
      mainsHz: strongest.mainsHz,
      levelDbfs: round(strongest.levelDbfs, 1),
      prominenceDb: round(strongest.prominenceDb, 1),
    };
    const params = { ...measured };
    if (strongest.pausesWithHum >= minPauseFraction * pauses && pauses > 0) {
      return {
        status: 'fail',
        messageId: 'audio.hum/hum',
        params,
        measured,
        ...expected,
        at: strongest.windowStartsS.map((start) => ({ start, end: start + 0.5 })),
      };
    }
    return { status: 'pass', messageId: 'audio.hum/little', params, measured, ...expected };
  },
});
