import { defineRule } from '../rule.js';

export default defineRule({
  id: 'subtitle.present',
  area: 'subtitle',
  notice: '中文课程对应中文字幕，英文课程对应英文字幕',
  description: 'The video has subtitles: a sidecar file with the same base name (lesson01.srt, lesson01.zh.srt, lesson01.vtt) or a subtitle stream inside the MP4.',
  severity: 'error',
  needs: ['subtitles'],
  options: {},
  check({ kind, subtitles }) {
    const expected = '≥ 1 subtitle track';
    if (kind === 'subtitle') return { status: 'pass', message: 'a subtitle file checked on its own', measured: 1, expected };
    if (subtitles.length === 0) {
      return { status: 'fail', message: 'no subtitles: put LESSON.srt (or LESSON.zh.srt, LESSON.vtt) beside the video, or add a subtitle stream', measured: 0, expected };
    }
    const names = subtitles.map((t) => (t.source === 'embedded' ? 'a stream inside the file' : t.path)).join(', ');
    return { status: 'pass', message: `${subtitles.length} subtitle track(s): ${names}`, measured: subtitles.length, expected };
  },
});
