import { describe, expect, it } from 'vitest';
import { makeAudioAnalysis, makeFacts } from '../testing/make-facts.js';
import { textOf } from '../testing/run-rule.js';
import { makeProject, runProjectRule } from '../testing/run-project-rule.js';

const at = (integratedLufs: number | null) => {
  const facts = makeFacts();
  facts.audioAnalysis = makeAudioAnalysis({ loudness: { integratedLufs } });
  return facts;
};

describe('project.loudness-match', () => {
  it('names the lessons outside the 2 LU the others share, with how much louder or quieter they are', () => {
    const project = makeProject({ '01.mp4': at(-20.2), '02.mp4': at(-24.1), '03.mp4': at(-19.6), '04.mp4': at(-16) });
    const [finding] = runProjectRule('project.loudness-match', project);
    expect(finding).toMatchObject({ status: 'warn', params: { odd: 2, common: 2, referenceLufs: -19.9 } });
    expect(finding!.message).toBe('2 lessons are outside the 2 LU that 2 others share (around -19.9 LUFS): 02.mp4 (-24.1 LUFS, 4.2 LU quieter); 04.mp4 (-16 LUFS, 3.9 LU louder); bring them to the loudness of the others');
    expect(textOf(finding!, 'zh')).toBe('2 个课程的响度超出其他 2 个课程所在的 2 LU 范围（约 -19.9 LUFS）：02.mp4（-24.1 LUFS，轻 4.2 LU）；04.mp4（-16 LUFS，响 3.9 LU）；请把它们调到与其他课程相同的响度');
  });

  it('passes within 2 LU (inclusive); lessons without sound are left out; the span is an option', () => {
    const close = makeProject({ 'a.mp4': at(-21), 'b.mp4': at(-19), 'silent.mp4': at(null), 'broken.mp4': null });
    expect(runProjectRule('project.loudness-match', close)[0]).toMatchObject({ status: 'pass', message: 'all 2 lessons within 2 LU (-21 to -19 LUFS)' });
    expect(runProjectRule('project.loudness-match', close, { maxSpreadLu: 1 })[0]!.status).toBe('warn');
    const same = makeProject({ 'a.mp4': at(-17.2), 'b.mp4': at(-17.2) });
    expect(runProjectRule('project.loudness-match', same)[0]!.message).toBe('all 2 lessons at -17.2 LUFS');
  });

  it('needs the audio pass: skipped in --quick, and with fewer than two lessons to compare', () => {
    const project = makeProject({ 'a.mp4': at(-20), 'b.mp4': at(-26) });
    expect(runProjectRule('project.loudness-match', project, {}, true)[0]).toMatchObject({ status: 'skip', messageId: 'skip/quick' });
    expect(runProjectRule('project.loudness-match', makeProject({ 'a.mp4': at(-20) }))[0]).toMatchObject({ status: 'skip', messageId: 'project.loudness-match/too-few' });
  });
});
