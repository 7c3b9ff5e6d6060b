import { defineProjectRule } from './rule.js';
import { lessonName, oddLessons } from './utils/project-lessons.js';

export default defineProjectRule({
  id: 'project.resolution-match',
  area: 'project',
  notice: '(beyond the notice: the lessons of one project look alike)',
  description:
    'For a training project (`--project`): every lesson has the same displayed resolution. A lesson that differs from the resolution most lessons share is named, with its own; lessons without a picture are left out.',
  severity: 'warning',
  needs: ['project', 'probe'],
  options: {},
  check(project) {
    const expected = { expectedId: 'project.resolution-match/expected' };
    const found = oddLessons(project, (facts) => (facts.video ? `${facts.video.displayWidth}×${facts.video.displayHeight}` : null));
    if (!found) return { status: 'skip', messageId: 'project.resolution-match/too-few', measured: null, ...expected };
    const measured = { majority: found.majority, odd: found.odd.map(({ path, value }) => ({ path, resolution: value })) };
    if (found.odd.length === 0) return { status: 'pass', messageId: 'project.resolution-match/pass', params: { lessons: found.compared, resolution: found.majority }, measured, ...expected };
    const lessons = found.odd.map(({ path, value }) => ({ messageId: 'project.resolution-match/lesson', params: { path: lessonName(project, path), resolution: value } }));
    const params = { odd: found.odd.length, common: found.majorityCount, resolution: found.majority, lessons };
    return { status: 'fail', messageId: 'project.resolution-match/differs', params, measured, ...expected };
  },
});
