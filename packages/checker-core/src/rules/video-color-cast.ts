import { castDirection, castOver, shotStarts } from './utils/picture-events.js';
import { defineRule, round, type Outcome } from './rule.js';

export default defineRule({
  id: 'video.color-cast',
  area: 'video',
  notice: '白平衡正确，无明显偏色；多机拍摄的镜头衔接处无明显色差',
  description:
    'White balance judged on the near-neutral parts of the picture (luma ≥ 160, chroma within 30 of neutral: what should be white or grey), so a coloured slide template is not a cast. Their mean chroma more than 6 code values from neutral warns, per shot and for the programme; a jump of more than 6 between adjacent shots warns (multi-camera mismatch). Shots with under 2 % near-neutral pixels are not judged.',
  severity: 'warning',
  needs: ['video'],
  evidence: 'range-middle',
  options: {
    maxCast: { default: 6, min: 0, description: 'Largest distance of the neutrals from neutral, 8-bit code values.' },
    maxJump: { default: 6, min: 0, description: 'Largest change of that between adjacent shots, 8-bit code values.' },
    minNeutralShare: { default: 0.02, min: 0, max: 1, description: 'Share of near-neutral pixels a shot needs to be judged.' },
    cutThreshold: { default: 0.3, min: 0, max: 1, description: 'Histogram distance between frames that starts a new shot (0–1).' },
  },
  check({ videoAnalysis }, { maxCast, maxJump, minNeutralShare, cutThreshold }) {
    const expected = { expectedId: 'video.color-cast/expected', expectedParams: { maxCast, maxJump } };
    if (!videoAnalysis) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const { frames } = videoAnalysis;
    const starts = shotStarts(frames, cutThreshold);
    const shots = starts.map((from, k) => {
      const to = starts[k + 1] ?? frames.count;
      return { from, to, startS: frames.timeS[from]!, endS: to < frames.count ? frames.timeS[to]! : frames.timeS[frames.count - 1]! + 0.04, cast: castOver(frames, from, to) };
    });
    const judged = shots.filter((s) => s.cast.neutralShare >= minNeutralShare);
    const programme = castOver(frames, 0, frames.count);
    const measured = {
      programmeCast: round(programme.magnitude, 1),
      direction: programme.magnitude > 0.5 ? castDirection(programme.u, programme.v) : 'neutral',
      shots: shots.length,
      shotsJudged: judged.length,
    };
    if (judged.length === 0) return { status: 'pass', messageId: 'video.color-cast/nothing-neutral', params: { shots: shots.length }, measured, ...expected };
    // Not met is `fail`: the rule's severity (warning by default) makes it a warning.
    const details: Outcome[] = [];
    for (const shot of judged) {
      if (shot.cast.magnitude > maxCast) {
        details.push({
          status: 'fail',
          messageId: 'video.color-cast/shot',
          params: { direction: castDirection(shot.cast.u, shot.cast.v), levels: round(shot.cast.magnitude, 1), startS: round(shot.startS, 3), endS: round(shot.endS, 3) },
          measured: round(shot.cast.magnitude, 1),
          ...expected,
          at: [{ start: round(shot.startS, 3), end: round(shot.endS, 3) }],
        });
      }
    }
    for (let k = 1; k < judged.length; k++) {
      const [a, b] = [judged[k - 1]!, judged[k]!];
      if (a.to !== b.from) continue; // only adjacent shots
      const jump = Math.hypot(b.cast.u - a.cast.u, b.cast.v - a.cast.v);
      if (jump > maxJump) {
        details.push({
          status: 'fail',
          messageId: 'video.color-cast/jump',
          params: { levels: round(jump, 1), atS: round(b.startS, 3) },
          measured: round(jump, 1),
          ...expected,
          at: [{ start: round(b.startS, 3), end: round(b.startS + 0.04, 3) }],
        });
      }
    }
    if (programme.magnitude > maxCast && programme.neutralShare >= minNeutralShare) {
      details.unshift({
        status: 'fail',
        messageId: 'video.color-cast/programme',
        params: { direction: measured.direction, levels: measured.programmeCast },
        measured: measured.programmeCast,
        ...expected,
      });
    }
    if (details.length === 0) {
      const maxLevels = round(Math.max(...judged.map((s) => s.cast.magnitude)), 1);
      return { status: 'pass', messageId: 'video.color-cast/pass', params: { maxLevels, judged: judged.length }, measured, ...expected };
    }
    const first = { messageId: details[0]!.messageId, params: details[0]!.params ?? {} };
    return [{ status: 'fail', messageId: 'video.color-cast/findings', params: { count: details.length, first }, measured, ...expected, at: details.flatMap((d) => d.at ?? []) }, ...details];
  },
});
