import { defineProjectRule, round } from './rule.js';
import { lessonName } from './utils/project-lessons.js';

export default defineProjectRule({
  id: 'project.loudness-match',
  area: 'project',
  notice: '(beyond the notice: the lessons of one project sound alike)',
  description:
    "For a training project (`--project`): the lessons' integrated loudness (EBU R128) lies within 2 LU, so that a learner never reaches for the volume between lessons. The lessons outside the 2 LU span that holds the most of them are named, with how much louder or quieter they are than the others' median; lessons without sound are left out.",
  severity: 'warning',
  needs: ['project', 'audio'],
  options: {
    maxSpreadLu: { default: 2, min: 0, description: "Widest span of the lessons' integrated loudness, in LU." },
  },
  check(project, { maxSpreadLu }) {
    const expected = { expectedId: 'project.loudness-match/expected', expectedParams: { maxSpreadLu } };
    const measuredLessons = project.lessons.flatMap(({ path, facts }) => {
      const lufs = facts?.audioAnalysis?.loudness.integratedLufs;
      return typeof lufs === 'number' && Number.isFinite(lufs) ? [{ path, lufs }] : [];
    });
    if (measuredLessons.length < 2) return { status: 'skip', messageId: 'project.loudness-match/too-few', measured: null, ...expected };
    const levels = measuredLessons.map((l) => l.lufs).sort((a, b) => a - b);
    const median = medianOf(levels);
    // The span of maxSpreadLu holding the most lessons (on a tie, the one nearest the median): those outside it are the odd ones.
    let best = { from: levels[0]!, count: 0, offCentre: Infinity };
    for (const from of levels) {
      const count = levels.filter((v) => v >= from && v <= from + maxSpreadLu).length;
      const offCentre = Math.abs(from + maxSpreadLu / 2 - median);
      if (count > best.count || (count === best.count && offCentre < best.offCentre)) best = { from, count, offCentre };
    }
    const inside = (lufs: number) => lufs >= best.from && lufs <= best.from + maxSpreadLu;
    const referenceLufs = round(medianOf(levels.filter(inside)), 1);
    const odd = measuredLessons.filter((l) => !inside(l.lufs));
    const measured = { referenceLufs, lessons: measuredLessons.map(({ path, lufs }) => ({ path, integratedLufs: round(lufs, 1) })) };
    if (odd.length === 0) {
      const params = { lessons: measuredLessons.length, spreadLu: round(levels.at(-1)! - levels[0]!, 1), minLufs: round(levels[0]!, 1), maxLufs: round(levels.at(-1)!, 1) };
      return { status: 'pass', messageId: 'project.loudness-match/pass', params, measured, ...expected };
    }
    const lessons = odd.map(({ path, lufs }) => ({
      messageId: 'project.loudness-match/lesson',
      params: { path: lessonName(project, path), lufs: round(lufs, 1), differenceLu: round(Math.abs(lufs - referenceLufs), 1), louder: lufs > referenceLufs },
    }));
    const params = { odd: odd.length, common: best.count, maxSpreadLu, referenceLufs, lessons };
    return { status: 'fail', messageId: 'project.loudness-match/differs', params, measured, ...expected };
  },
});

function medianOf(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
