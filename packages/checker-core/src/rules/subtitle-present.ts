import { defineRule, type Outcome } from './rule.js';
import { trackName } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.present',
  area: 'subtitle',
  notice: '中文课程对应中文字幕，英文课程对应英文字幕',
  description:
    'The video has subtitles with at least one readable cue: a sidecar file with the same base name (lesson01.srt, lesson01.zh.srt, lesson01.vtt) or a subtitle stream inside the MP4. A sidecar that cannot be read, or that holds no cue, fails.',
  severity: 'error',
  needs: ['subtitles'],
  options: {},
  check({ kind, subtitles, unreadableSubtitles = [] }) {
    const expected = '≥ 1 subtitle track with cues';
    const problems: Outcome[] = [
      ...unreadableSubtitles.map((u): Outcome => ({ status: 'fail', message: `${u.path}: ${u.message}`, measured: null, expected, subtitle: u.path })),
      ...subtitles
        .filter((t) => t.cueCount === 0)
        .map((t): Outcome => ({ status: 'fail', message: `${trackName(t)}: no cues could be read`, measured: 0, expected, subtitle: t.path })),
    ];
    const usable = subtitles.filter((t) => t.cueCount > 0);
    if (kind === 'subtitle') {
      return usable.length > 0 ? { status: 'pass', message: 'a subtitle file checked on its own', measured: 1, expected } : problems[0]!;
    }
    if (subtitles.length === 0 && unreadableSubtitles.length === 0) {
      return { status: 'fail', message: 'no subtitles: put LESSON.srt (or LESSON.zh.srt, LESSON.vtt) beside the video, or add a subtitle stream', measured: 0, expected };
    }
    if (problems.length > 0) {
      return [{ status: 'fail', message: `${problems.length} subtitle track(s) unusable, ${usable.length} usable`, measured: usable.length, expected }, ...problems];
    }
    const names = subtitles.map(trackName).join(', ');
    return { status: 'pass', message: `${subtitles.length} subtitle track(s): ${names}`, measured: subtitles.length, expected };
  },
});
