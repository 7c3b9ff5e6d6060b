import { ranges } from './utils/time-ranges.js';
import { defineRule, round, type Outcome } from './rule.js';

export default defineRule({
  id: 'video.frame-rate',
  area: 'video',
  notice: '视频帧率：25 fps 或者 29.97 fps',
  description:
    'The nominal rate (most common frame duration in the packet timestamps) is 25 or 30000/1001 fps, and constant: durations that are not whole multiples of it make the rate variable.',
  severity: 'error',
  needs: ['packets'],
  options: {
    allowedFps: { default: '25,30000/1001', description: 'Comma-separated allowed rates; fractions allowed.' },
    toleranceFps: { default: 0.01, min: 0, description: 'Allowed distance from an allowed rate, in fps.' },
  },
  check({ video }, { allowedFps, toleranceFps }) {
    const allowed = allowedFps.split(',').map(parseFps);
    const rates = allowed.map((fps) => round(fps, 3));
    const expected = { expectedId: 'video.frame-rate/expected', expectedParams: { allowedFps: rates } };
    if (!video) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const { nominalFps, irregularFrameCount, irregularFrames, frameCount } = video.timing;
    if (nominalFps === null) return { status: 'fail', messageId: 'video.frame-rate/unknown', params: { frames: frameCount }, measured: null, ...expected };
    const measured = round(nominalFps, 5);
    const fps = round(nominalFps, 3);
    const rateOk = allowed.some((a) => Math.abs(nominalFps - a) <= toleranceFps);
    const notAllowed: Outcome = { status: 'fail', messageId: 'video.frame-rate/not-allowed', params: { fps, allowedFps: rates, suggestedFps: round(suggest(nominalFps, allowed), 3) }, measured, ...expected };
    const outcomes: Outcome[] = [];
    if (irregularFrameCount > 0) {
      outcomes.push({
        status: 'fail',
        messageId: 'video.frame-rate/variable',
        params: { irregular: irregularFrameCount, frames: frameCount, fps, firstAtS: round(irregularFrames[0]!.atS, 3) },
        measured,
        ...expected,
        at: ranges(irregularFrames),
      });
    } else if (!rateOk) {
      outcomes.push(notAllowed);
    } else {
      outcomes.push({ status: 'pass', messageId: 'video.frame-rate/pass', params: { fps }, measured, ...expected });
    }
    if (irregularFrameCount > 0 && !rateOk) outcomes.push(notAllowed);
    return outcomes;
  },
});

/** The allowed rate to export at: the one the measured rate is most nearly a whole multiple of (30 → 29.97, 50 → 25), else the nearest. */
function suggest(fps: number, allowed: number[]): number {
  const misfit = (a: number) => Math.abs(fps / a - Math.max(1, Math.round(fps / a)));
  return [...allowed].sort((a, b) => misfit(a) - misfit(b) || Math.abs(fps - a) - Math.abs(fps - b))[0] ?? fps;
}

function parseFps(text: string): number {
  const [num, den] = text.trim().split('/').map(Number);
  return den ? num! / den : num!;
}

