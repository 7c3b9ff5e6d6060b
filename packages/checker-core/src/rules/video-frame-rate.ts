import { ranges } from './utils/time-ranges.js';
import { defineRule, round } from './rule.js';
import { formatClock, formatFps } from '../facts/units.js';

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
    const expected = `${allowed.map((fps) => round(fps, 3)).join(' | ')} fps, constant`;
    if (!video) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const { nominalFps, irregularFrameCount, irregularFrames, frameCount } = video.timing;
    if (nominalFps === null) return { status: 'fail', message: `frame rate unknown (${frameCount} frame timestamps)`, measured: null, expected };
    const measured = round(nominalFps, 5);
    const rateOk = allowed.some((fps) => Math.abs(nominalFps - fps) <= toleranceFps);
    const outcomes = [];
    if (irregularFrameCount > 0) {
      outcomes.push({
        status: 'fail' as const,
        message: `variable frame rate: ${irregularFrameCount} of ${frameCount} frame durations are not whole multiples of the nominal ${formatFps(nominalFps)} (first at ${formatClock(irregularFrames[0]!.atS)})`,
        measured,
        expected,
        at: ranges(irregularFrames),
      });
    } else if (!rateOk) {
      outcomes.push({ status: 'fail' as const, message: `frame rate is ${formatFps(nominalFps)}; expected ${allowed.map((f) => formatFps(f)).join(' or ')}`, measured, expected });
    } else {
      outcomes.push({ status: 'pass' as const, message: `constant ${formatFps(nominalFps)}`, measured, expected });
    }
    if (irregularFrameCount > 0 && !rateOk) {
      outcomes.push({ status: 'fail' as const, message: `nominal frame rate is ${formatFps(nominalFps)}; expected ${allowed.map((f) => formatFps(f)).join(' or ')}`, measured, expected });
    }
    return outcomes;
  },
});

function parseFps(text: string): number {
  const [num, den] = text.trim().split('/').map(Number);
  return den ? num! / den : num!;
}

