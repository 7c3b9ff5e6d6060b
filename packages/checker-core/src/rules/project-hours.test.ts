import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { textOf } from '../testing/run-rule.js';
import { makeProject, runProjectRule } from '../testing/run-project-rule.js';
import { runRule } from '../testing/run-rule.js';

/** `count` lessons of `durationS` each. */
const lessons = (count: number, durationS: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${String(i + 1).padStart(2, '0')}.mp4`, makeFacts({ durationS })]));

describe('project.hours', () => {
  it('40 class hours of 45 min = 30 h: 180 lessons of 10 min pass, 179 warn (never fail: its severity is warning)', () => {
    const [pass] = runProjectRule('project.hours', makeProject(lessons(180, 600)));
    expect(pass).toMatchObject({ status: 'pass', params: { lessons: 180, totalS: 108_000, classHours: 40 }, measured: { lessons: 180, totalDurationS: 108_000 } });
    const [short] = runProjectRule('project.hours', makeProject(lessons(179, 600)));
    expect(short).toMatchObject({ status: 'warn', severity: 'warning', messageId: 'project.hours/too-short', params: { lessons: 179, totalS: 107_400, missingS: 600 } });
    // 39.77 class hours read as 39.7, never rounded up to the 40 required.
    expect(short!.params.classHours).toBe(39.7);
  });

  it('says the count, the total and what is missing, in both languages', () => {
    const [finding] = runProjectRule('project.hours', makeProject(lessons(3, 4.02)));
    expect(finding!.message).toBe('3 lessons, 0:12.1 in all: 0 class hours of 45 min, under the 40 a project should hold (29:59:47.9 short); add lessons, or check that the folder holds the whole project');
    expect(textOf(finding!, 'zh')).toBe('3 个课程，共 0:12.1，合 0 学时（每学时 45 分钟），不足一个项目应有的 40 学时（还差 29:59:47.9）：请补充课程，或确认文件夹里是整个项目');
    expect(finding!.expected).toBe('≥ 40 class hours of 45 min (30:00:00 in all)');
  });

  it('the thresholds are options; a lesson that could not be checked adds nothing and is said so', () => {
    const project = makeProject({ ...lessons(2, 1800), 'broken.mp4': null });
    const [finding] = runProjectRule('project.hours', project, { minHours: 1, lessonHourMin: 60 });
    expect(finding).toMatchObject({ status: 'pass', params: { totalS: 3600, classHours: 1, unmeasured: 1 } });
    expect(finding!.message).toContain('1 lesson of unknown duration not counted');
  });

  it('judged per project only: on one file it is skipped', () => {
    expect(runRule('project.hours', makeFacts())[0]).toMatchObject({ status: 'skip', messageId: 'skip/project-only' });
  });
});
