import { defineRule, type Outcome } from './rule.js';
import { formatClock } from '../facts/units.js';
import { cueTime, MAX_DETAILS, noTracks, quote } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.timing',
  area: 'subtitle',
  notice: '(beyond the notice)',
  description: "Cues parse, are in order, do not overlap, have a positive duration, and lie inside the video's duration.",
  severity: 'warning',
  needs: ['subtitles'],
  options: { toleranceS: { default: 0.04, min: 0, description: 'Overlap or overrun this small is ignored (one frame), seconds.' } },
  check(facts, { toleranceS }) {
    const expected = 'well-formed cues, in order, not overlapping, inside the video';
    const none = noTracks(facts, expected);
    if (none) return none;
    const details: Outcome[] = [];
    let total = 0;
    const add = (outcome: Omit<Outcome, 'status' | 'expected'>) => {
      total++;
      if (details.length < MAX_DETAILS) details.push({ status: 'fail', expected, ...outcome });
    };
    let problemCount = 0;
    for (const track of facts.subtitles) {
      for (const problem of track.problems) {
        problemCount++;
        add({ message: `line ${problem.lineNumber}: ${problem.message}`, measured: problem.lineNumber, subtitle: track.path });
      }
      track.cues.forEach((cue, i) => {
        const where = `cue ${cue.index} (line ${cue.lineNumber}, ${formatClock(cue.startS)})`;
        const base = { subtitle: track.path, cue: cue.index, line: quote(cue.lines.join(' / ')), at: cueTime(cue.startS, cue.endS) };
        if (cue.endS <= cue.startS) add({ ...base, message: `${where}: ends ${cue.endS === cue.startS ? 'when it starts' : 'before it starts'}`, measured: cue.endS - cue.startS });
        const previous = track.cues[i - 1];
        if (previous && cue.startS < previous.startS) {
          add({ ...base, message: `${where}: starts before cue ${previous.index} (out of order)`, measured: cue.startS });
        } else if (previous && cue.startS < previous.endS - toleranceS) {
          add({ ...base, message: `${where}: overlaps cue ${previous.index} by ${Math.round((previous.endS - cue.startS) * 1000)} ms`, measured: previous.endS - cue.startS });
        }
        if (facts.durationS !== null && facts.kind === 'media' && cue.endS > facts.durationS + toleranceS) {
          add({ ...base, message: `${where}: ends at ${formatClock(cue.endS)}, after the video ends (${formatClock(facts.durationS)})`, measured: cue.endS });
        }
      });
    }
    const cues = facts.subtitles.reduce((n, t) => n + t.cueCount, 0);
    const measured = { cues, problems: total, malformed: problemCount };
    if (total === 0) return { status: 'pass', message: `${cues} cues, well formed and in order`, measured, expected };
    return [{ status: 'fail', message: `${total} timing problem(s) in ${cues} cues`, measured, expected }, ...details];
  },
});
