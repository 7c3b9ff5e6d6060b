import { describe, expect, it } from 'vitest';
import { makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule, textOf } from '../testing/run-rule.js';

const shot = (count: number, u: number, v: number, share = 0.5) => ({ count, u, v, share });
function programme(...shots: ReturnType<typeof shot>[]) {
  const column = (pick: (s: ReturnType<typeof shot>) => number) => shots.flatMap((s) => new Array(s.count).fill(pick(s)));
  const cut = shots.flatMap((s, k) => [k === 0 ? 0 : 0.9, ...new Array(s.count - 1).fill(0)]);
  return withFrames(makeFrames(cut.length, { neutralShare: column((s) => s.share), neutralU: column((s) => s.u), neutralV: column((s) => s.v), cut }));
}

describe('video.color-cast', () => {
  it('passes neutral greys', () => {
    expect(runRule('video.color-cast', programme(shot(50, 1, -1)))[0]!.status).toBe('pass');
  });
  it('warns on a cast, naming its direction and the shot', () => {
    const findings = runRule('video.color-cast', programme(shot(50, 12, -2)));
    expect(findings[0]!.status).toBe('warn');
    expect(findings.every((f) => f.status === 'warn' && f.severity === 'warning')).toBe(true);
    const shotFinding = findings.find((f) => f.messageId === 'video.color-cast/shot')!;
    expect(shotFinding.message).toMatch(/colour cast towards blue \(12.2 levels\) in the shot 0:00–0:02/);
    expect(shotFinding.params).toEqual({ direction: 'blue', levels: 12.2, startS: 0, endS: 2 });
    expect(textOf(shotFinding, 'zh')).toBe('0:00–0:02 这个镜头偏蓝（12.2 级），白色和灰色的地方带了颜色：请校正这个镜头的白平衡');
  });
  it('warns on a jump between adjacent shots even when each is within limits', () => {
    const findings = runRule('video.color-cast', programme(shot(50, -4, 0), shot(50, 4, 0)));
    const jump = findings.slice(1).find((f) => /at the cut at 0:02/.test(f.message));
    expect(jump).toMatchObject({ status: 'warn', measured: 8, messageId: 'video.color-cast/jump', params: { levels: 8, atS: 2 } });
    expect(textOf(jump!, 'zh')).toBe('0:02 处镜头切换前后颜色相差 8 级（例如两台摄像机颜色不一致）：请把前后镜头的白平衡调一致');
  });
  it('does not judge shots with almost nothing near-neutral (a coloured slide template)', () => {
    expect(runRule('video.color-cast', programme(shot(50, 25, 25, 0.01)))[0]!.status).toBe('pass');
  });
});
