import { describe, expect, it } from 'vitest';
import { makeFrames, withFrames } from '../testing/make-facts.js';
import { runRule } from '../testing/run-rule.js';

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
    expect(findings.some((f) => /colour cast towards blue \(12.2 levels\) in the shot 0:00–0:02/.test(f.message))).toBe(true);
  });
  it('warns on a jump between adjacent shots even when each is within limits', () => {
    const findings = runRule('video.color-cast', programme(shot(50, -4, 0), shot(50, 4, 0)));
    expect(findings.slice(1).find((f) => /at the cut at 0:02/.test(f.message))).toMatchObject({ status: 'warn', measured: 8 });
  });
  it('does not judge shots with almost nothing near-neutral (a coloured slide template)', () => {
    expect(runRule('video.color-cast', programme(shot(50, 25, 25, 0.01)))[0]!.status).toBe('pass');
  });
});
