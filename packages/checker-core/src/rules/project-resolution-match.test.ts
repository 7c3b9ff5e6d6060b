import { describe, expect, it } from 'vitest';
import { makeFacts } from '../testing/make-facts.js';
import { textOf } from '../testing/run-rule.js';
import { makeProject, runProjectRule } from '../testing/run-project-rule.js';

const at = (displayWidth: number, displayHeight: number) => makeFacts({ video: { displayWidth, displayHeight } });

describe('project.resolution-match', () => {
  it('names exactly the lessons that differ from the resolution most share, with their own', () => {
    const project = makeProject({ '01.mp4': at(1280, 720), '02.mp4': at(1920, 1080), '03.mp4': at(1280, 720), '04.mp4': at(1280, 720) });
    const [finding] = runProjectRule('project.resolution-match', project);
    expect(finding).toMatchObject({ status: 'warn', severity: 'warning', measured: { majority: '1280×720', odd: [{ path: 'course/02.mp4', resolution: '1920×1080' }] } });
    expect(finding!.message).toBe('1 lesson differs from the 1280×720 of 3 others: 02.mp4 (1920×1080); export every lesson at 1280×720');
    expect(textOf(finding!, 'zh')).toBe('1 个课程的分辨率与其他 3 个课程的 1280×720 不同：02.mp4（1920×1080）；请把所有课程都导出为 1280×720');
  });

  it('passes when all agree; lessons without a picture are left out; fewer than two to compare is a skip', () => {
    const same = makeProject({ 'a.mp4': at(1920, 1080), 'b.mp4': at(1920, 1080), 'sound-only.mp4': makeFacts({ video: null }), 'broken.mp4': null });
    expect(runProjectRule('project.resolution-match', same)[0]).toMatchObject({ status: 'pass', message: 'all 2 lessons at 1920×1080' });
    expect(runProjectRule('project.resolution-match', makeProject({ 'a.mp4': at(1920, 1080) }))[0]).toMatchObject({ status: 'skip', messageId: 'project.resolution-match/too-few' });
  });

  it('on a tie, the resolution met first is the reference', () => {
    const [finding] = runProjectRule('project.resolution-match', makeProject({ 'a.mp4': at(1280, 720), 'b.mp4': at(1920, 1080) }));
    expect(finding!.params).toMatchObject({ resolution: '1280×720', odd: 1, common: 1 });
  });
});
