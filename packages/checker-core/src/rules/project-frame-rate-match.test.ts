import { describe, expect, it } from 'vitest';
import { makeFacts, makeTiming } from '../testing/make-facts.js';
import { textOf } from '../testing/run-rule.js';
import { makeProject, runProjectRule } from '../testing/run-project-rule.js';

const at = (nominalFps: number) => makeFacts({ video: { timing: makeTiming({ nominalFps }) } });

describe('project.frame-rate-match', () => {
  it('names the lessons at another rate (29.97 and 30 differ)', () => {
    const project = makeProject({ '01.mp4': at(25), '02.mp4': at(25), '03.mp4': at(30), '04.mp4': at(30000 / 1001) });
    const [finding] = runProjectRule('project.frame-rate-match', project);
    expect(finding).toMatchObject({ status: 'warn', measured: { majorityFps: 25, odd: [{ path: 'course/03.mp4', fps: 30 }, { path: 'course/04.mp4', fps: 29.97 }] } });
    expect(finding!.message).toBe('2 lessons differ from the 25 fps of 2 others: 03.mp4 (30 fps); 04.mp4 (29.97 fps); export every lesson at 25 fps');
    expect(textOf(finding!, 'zh')).toBe('2 个课程的帧率与其他 2 个课程的 25 fps 不同：03.mp4（30 fps）；04.mp4（29.97 fps）；请把所有课程都导出为 25 fps');
  });

  it('passes when all agree; runs in --quick (the rate comes from the packets)', () => {
    const findings = runProjectRule('project.frame-rate-match', makeProject({ 'a.mp4': at(25), 'b.mp4': at(25.001) }), {}, true);
    expect(findings[0]).toMatchObject({ status: 'pass', message: 'all 2 lessons at 25 fps' });
  });
});
