import { defineRule, round } from './rule.js';
import { formatClock } from '../facts/units.js';

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
    const expected = `LRA ≤ ${maxRangeLu} LU, 10 s medians within ±${maxDeviationLu} LU`;
    if (!audioAnalysis) return { status: 'skip', message: 'no audio stream', measured: null, expected };
    const { loudness } = audioAnalysis;
    const measured = {
      integratedLufs: loudness.integratedLufs === null ? null : round(loudness.integratedLufs, 1),
      loudnessRangeLu: loudness.loudnessRangeLu === null ? null : round(loudness.loudnessRangeLu, 1),
      swings: loudness.swings.length,
    };
    if (loudness.integratedLufs === null) return { status: 'warn', message: 'too quiet to measure loudness (below −70 LUFS throughout)', measured, expected };
    const problems: string[] = [];
    if (loudness.loudnessRangeLu !== null && loudness.loudnessRangeLu > maxRangeLu) problems.push(`loudness range ${measured.loudnessRangeLu} LU`);
    for (const swing of loudness.swings) {
      problems.push(`${swing.deviationLu > 0 ? 'louder' : 'quieter'} by ${Math.abs(round(swing.deviationLu, 1))} LU at ${formatClock(swing.start)}–${formatClock(swing.end)}`);
    }
    const level = `integrated ${measured.integratedLufs} LUFS, range ${measured.loudnessRangeLu} LU`;
    if (problems.length === 0) return { status: 'pass', message: `steady loudness (${level})`, measured, expected };
    return {
      status: 'fail',
      message: `volume goes up and down: ${problems.join('; ')} (${level})`,
      measured,
      expected,
      at: loudness.swings.map((s) => ({ start: round(s.start, 1), end: round(s.end, 1) })),
    };
  },
});
