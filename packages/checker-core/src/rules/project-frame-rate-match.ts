import { defineProjectRule, round } from './rule.js';
import { lessonName, oddLessons } from './utils/project-lessons.js';

export default defineProjectRule({
  id: 'project.frame-rate-match',
  area: 'project',
  notice: '(beyond the notice: the lessons of one project move alike)',
  description:
    'For a training project (`--project`): every lesson has the same nominal frame rate (to 0.01 fps, so 29.97 and 30 differ). A lesson that differs from the rate most lessons share is named, with its own; lessons without a picture are left out.',
  severity: 'warning',
  needs: ['project', 'packets'],
  options: {},
  check(project) {
    const expected = { expectedId: 'project.frame-rate-match/expected' };
    const fpsOf = (fps: number | null | undefined) => (fps ? round(fps, 2) : null);
    const found = oddLessons(project, (facts) => fpsOf(facts.video?.timing.nominalFps ?? facts.video?.statedFps));
    if (!found) return { status: 'skip', messageId: 'project.frame-rate-match/too-few', measured: null, ...expected };
    const measured = { majorityFps: found.majority, odd: found.odd.map(({ path, value }) => ({ path, fps: value })) };
    if (found.odd.length === 0) return { status: 'pass', messageId: 'project.frame-rate-match/pass', params: { lessons: found.compared, fps: found.majority }, measured, ...expected };
    const lessons = found.odd.map(({ path, value }) => ({ messageId: 'project.frame-rate-match/lesson', params: { path: lessonName(project, path), fps: value } }));
    const params = { odd: found.odd.length, common: found.majorityCount, fps: found.majority, lessons };
    return { status: 'fail', messageId: 'project.frame-rate-match/differs', params, measured, ...expected };
  },
});
