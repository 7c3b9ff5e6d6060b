import type { MessageRef } from '../facts/finding.js';
import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'audio.loudness',
  area: 'audio',
  notice: '音量忽大忽小',
  description:
    "Loudness stays steady: EBU R128 loudness range ≤ 10 LU, and no 10 s median of short-term loudness more than 6 LU from the file's median.",
  severity: 'warning',
  needs: ['audio'],
  options: {
    maxRangeLu: { default: 10, min: 0, description: 'Largest loudness range (EBU Tech 3342), LU.' },
    maxDeviationLu: { default: 6, min: 0, description: "How far a 10 s median may depart from the file's median, LU." },
  },
  audioMeters: (o) => ({ loudnessMaxDeviationLu: o.maxDeviationLu }),
  check({ audioAnalysis }, { maxRangeLu, maxDeviationLu }) {
    const expected = { expectedId: 'audio.loudness/expected', expectedParams: { maxRangeLu, maxDeviationLu } };
    if (!audioAnalysis) return { status: 'skip', messageId: 'skip/no-audio', measured: null, ...expected };
    const { loudness } = audioAnalysis;
    const measured = {
      integratedLufs: loudness.integratedLufs === null ? null : round(loudness.integratedLufs, 1),
      loudnessRangeLu: loudness.loudnessRangeLu === null ? null : round(loudness.loudnessRangeLu, 1),
      swings: loudness.swings.length,
    };
    if (loudness.integratedLufs === null) return { status: 'warn', messageId: 'audio.loudness/too-quiet', measured, ...expected };
    const problems: MessageRef[] = [];
    if (loudness.loudnessRangeLu !== null && loudness.loudnessRangeLu > maxRangeLu) problems.push({ messageId: 'audio.loudness/range', params: { rangeLu: measured.loudnessRangeLu } });
    for (const swing of loudness.swings) {
      problems.push({
        messageId: 'audio.loudness/swing',
        params: { louder: swing.deviationLu > 0, deviationLu: Math.abs(round(swing.deviationLu, 1)), startS: round(swing.start, 1), endS: round(swing.end, 1) },
      });
    }
    const level = { integratedLufs: measured.integratedLufs, rangeLu: measured.loudnessRangeLu };
    if (problems.length === 0) return { status: 'pass', messageId: 'audio.loudness/pass', params: level, measured, ...expected };
    return {
      status: 'fail',
      messageId: 'audio.loudness/unsteady',
      params: { problems, ...level },
      measured,
      ...expected,
      at: loudness.swings.map((s) => ({ start: round(s.start, 1), end: round(s.end, 1) })),
    };
  },
});
