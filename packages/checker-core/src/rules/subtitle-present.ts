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
    const expected = { expectedId: 'subtitle.present/expected' };
    const problems: Outcome[] = [
      ...unreadableSubtitles.map(
        (u): Outcome => ({ status: 'fail', messageId: 'subtitle.present/unreadable', params: { path: u.path, detail: u.message }, measured: null, ...expected, subtitle: u.path }),
      ),
      ...subtitles
        .filter((t) => t.cueCount === 0)
        .map((t): Outcome => ({ status: 'fail', messageId: 'subtitle.present/no-cues', params: { track: trackName(t) }, measured: 0, ...expected, subtitle: t.path })),
    ];
    const usable = subtitles.filter((t) => t.cueCount > 0);
    if (kind === 'subtitle') {
      return usable.length > 0 ? { status: 'pass', messageId: 'subtitle.present/alone', measured: 1, ...expected } : problems[0]!;
    }
    if (subtitles.length === 0 && unreadableSubtitles.length === 0) {
      return { status: 'fail', messageId: 'subtitle.present/none', measured: 0, ...expected };
    }
    if (problems.length > 0) {
      return [{ status: 'fail', messageId: 'subtitle.present/unusable', params: { unusable: problems.length, usable: usable.length }, measured: usable.length, ...expected }, ...problems];
    }
    return { status: 'pass', messageId: 'subtitle.present/pass', params: { count: subtitles.length, tracks: subtitles.map(trackName) }, measured: subtitles.length, ...expected };
  },
});
