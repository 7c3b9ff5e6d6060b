import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'av.sync',
  area: 'sync',
  notice: '声音和画面应同步',
  description:
    "Audio and video start and end together, from the streams' start times corrected for edit lists and AAC priming, within EBU R37: audio at most 40 ms early, 60 ms late.",
  severity: 'error',
  needs: ['packets'],
  options: {
    maxEarlyMs: { default: 40, min: 0, description: 'How far audio may lead the picture, in ms.' },
    maxLateMs: { default: 60, min: 0, description: 'How far audio may lag the picture, in ms.' },
  },
  check({ sync, video, audio }, { maxEarlyMs, maxLateMs }) {
    const expected = `−${maxEarlyMs} ms ≤ offset ≤ +${maxLateMs} ms (positive = audio late)`;
    if (!sync || !video || !audio) return { status: 'skip', message: 'needs both a video and an audio stream', measured: null, expected };
    const { startOffsetMs, endOffsetMs } = sync;
    const worst = endOffsetMs !== null && Math.abs(endOffsetMs) > Math.abs(startOffsetMs) ? 'end' : 'start';
    const offsetMs = worst === 'end' ? endOffsetMs! : startOffsetMs;
    const measured = round(offsetMs, 1);
    const describe = (ms: number) => (ms === 0 ? 'in step' : `${Math.abs(round(ms, 1))} ms ${ms > 0 ? 'late' : 'early'}`);
    const detail = `audio ${describe(startOffsetMs)} at the start` + (endOffsetMs === null ? '' : `, ${describe(endOffsetMs)} at the end`);
    const inside = (ms: number) => ms >= -maxEarlyMs && ms <= maxLateMs;
    if (inside(startOffsetMs) && (endOffsetMs === null || inside(endOffsetMs))) {
      return { status: 'pass', message: detail, measured, expected };
    }
    const atS = worst === 'start' ? Math.min(video.startS, audio.startS) : Math.min(video.endS ?? 0, audio.endS ?? 0);
    return {
      status: 'fail',
      message: `${detail}: outside EBU R37 (${maxEarlyMs} ms early to ${maxLateMs} ms late)`,
      measured,
      expected,
      at: [{ start: round(atS, 3), end: round(atS + Math.abs(offsetMs) / 1000, 3) }],
    };
  },
});
