import { defineProjectRule, round } from './rule.js';
import { lessonDurationS } from './utils/project-lessons.js';

export default defineProjectRule({
  id: 'project.hours',
  area: 'project',
  notice: '原则上每个培训项目应不少于40学时，每学时不少于45分钟',
  description:
    'For a folder checked as a training project (`--project`): its lessons last at least 40 class hours (学时) of 45 minutes, 30 h in all. Reported once for the project, with the count of lessons and their total duration; "原则上" (in principle) makes it a warning.',
  severity: 'warning',
  needs: ['project', 'probe'],
  options: {
    minHours: { default: 40, min: 0, description: 'Fewest class hours (学时) a project holds.' },
    lessonHourMin: { default: 45, min: 1, description: 'Minutes in a class hour (每学时不少于45分钟).' },
  },
  check(project, { minHours, lessonHourMin }) {
    const requiredS = minHours * lessonHourMin * 60;
    const expected = { expectedId: 'project.hours/expected', expectedParams: { minHours, lessonHourMin, requiredS } };
    const durations = project.lessons.map(({ facts }) => lessonDurationS(facts));
    const totalS = round(durations.reduce<number>((sum, s) => sum + (s ?? 0), 0), 3);
    // Rounded down: a project 3 minutes short of 40 class hours must not read "40".
    const classHours = Math.floor((totalS / (lessonHourMin * 60)) * 10) / 10;
    const params = { lessons: project.lessons.length, totalS, classHours, minHours, lessonHourMin, unmeasured: durations.filter((s) => s === null).length };
    const measured = { lessons: project.lessons.length, totalDurationS: totalS, classHours };
    if (totalS >= requiredS) return { status: 'pass', messageId: 'project.hours/pass', params, measured, ...expected };
    return { status: 'fail', messageId: 'project.hours/too-short', params: { ...params, missingS: round(requiredS - totalS, 1) }, measured, ...expected };
  },
});
