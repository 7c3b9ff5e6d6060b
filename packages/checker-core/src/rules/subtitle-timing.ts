import { defineRule, round, type Outcome } from './rule.js';
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
    const expected = { expectedId: 'subtitle.timing/expected' };
    const none = noTracks(facts, expected);
    if (none) return none;
    const details: Outcome[] = [];
    let total = 0;
    const add = (outcome: Omit<Outcome, 'status' | 'expectedId'>) => {
      total++;
      if (details.length < MAX_DETAILS) details.push({ status: 'fail', ...expected, ...outcome });
    };
    let problemCount = 0;
    for (const track of facts.subtitles) {
      for (const problem of track.problems) {
        problemCount++;
        add({ messageId: 'subtitle.timing/malformed', params: { lineNumber: problem.lineNumber, problem: problem.message }, measured: problem.lineNumber, subtitle: track.path });
      }
      track.cues.forEach((cue, i) => {
        // Where: the cue, its line in the file and its start time.
        const where = { cue: cue.index, lineNumber: cue.lineNumber, startS: round(cue.startS, 3) };
        const base = { subtitle: track.path, cue: cue.index, line: quote(cue.lines.join(' / ')), at: cueTime(cue.startS, cue.endS) };
        if (cue.endS <= cue.startS) add({ ...base, messageId: 'subtitle.timing/ends-early', params: { ...where, zero: cue.endS === cue.startS }, measured: cue.endS - cue.startS });
        const previous = track.cues[i - 1];
        if (previous && cue.startS < previous.startS) {
          add({ ...base, messageId: 'subtitle.timing/out-of-order', params: { ...where, previousCue: previous.index }, measured: cue.startS });
        } else if (previous && cue.startS < previous.endS - toleranceS) {
          const overlapMs = Math.round((previous.endS - cue.startS) * 1000);
          add({ ...base, messageId: 'subtitle.timing/overlap', params: { ...where, previousCue: previous.index, overlapMs }, measured: previous.endS - cue.startS });
        }
        if (facts.durationS !== null && facts.kind === 'media' && cue.endS > facts.durationS + toleranceS) {
          add({ ...base, messageId: 'subtitle.timing/after-end', params: { ...where, endS: round(cue.endS, 3), videoEndS: round(facts.durationS, 3) }, measured: cue.endS });
        }
      });
    }
    const cues = facts.subtitles.reduce((n, t) => n + t.cueCount, 0);
    const measured = { cues, problems: total, malformed: problemCount };
    if (total === 0) return { status: 'pass', messageId: 'subtitle.timing/pass', params: { cues }, measured, ...expected };
    return [{ status: 'fail', messageId: 'subtitle.timing/problems', params: { total, cues }, measured, ...expected }, ...details];
  },
});
