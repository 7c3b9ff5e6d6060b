import { defineRule, round, type Outcome } from './rule.js';
import { isHan, stripMarkup } from '../subtitles/width.js';
import { noTracks, trackName } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.language',
  area: 'subtitle',
  notice: '中文课程对应中文字幕，英文课程对应英文字幕',
  description: "The subtitles' script matches the course language (--language zh, the default, or en): at least half of the letters are Han for zh, Latin for en.",
  severity: 'error',
  needs: ['subtitles'],
  options: { minShare: { default: 0.5, min: 0, max: 1, description: "Share of letters that must be in the course language's script." } },
  check(facts, { minShare }, { language }) {
    const script = language === 'zh' ? 'Chinese (Han)' : 'English (Latin)';
    const expected = `≥ ${Math.round(minShare * 100)}% ${script} letters`;
    const none = noTracks(facts, expected);
    if (none) return none;
    const outcomes: Outcome[] = facts.subtitles.map((track) => {
      let han = 0;
      let latin = 0;
      for (const cue of track.cues) {
        for (const char of stripMarkup(cue.lines.join(''))) {
          if (isHan(char.codePointAt(0)!)) han++;
          else if (/[A-Za-z\u00C0-\u024F]/.test(char)) latin++;
        }
      }
      const letters = han + latin;
      const share = letters === 0 ? null : (language === 'zh' ? han : latin) / letters;
      const measured = { hanLetters: han, latinLetters: latin, share: share === null ? null : round(share, 3) };
      if (share === null) return { status: 'warn', message: `${trackName(track)} has no letters to judge`, measured, expected, subtitle: track.path };
      const percent = Math.round(share * 100);
      if (share >= minShare) return { status: 'pass', message: `${percent}% ${script}`, measured, expected, subtitle: track.path };
      const other = language === 'zh' ? 'English' : 'Chinese';
      return {
        status: 'fail',
        message: `${trackName(track)} is mostly ${other} (${100 - percent}% of letters) on a ${language === 'zh' ? 'Chinese' : 'English'} course`,
        measured,
        expected,
        subtitle: track.path,
      };
    });
    const failing = outcomes.filter((o) => o.status === 'fail');
    if (outcomes.length === 1) return outcomes[0]!;
    // Several tracks: one is enough when it is in the course language (a bilingual set is fine).
    const passing = outcomes.filter((o) => o.status === 'pass');
    if (passing.length > 0) return [{ ...passing[0]!, message: `${passing.length} of ${outcomes.length} subtitle tracks in ${script}` }, ...failing.map((f) => ({ ...f, status: 'warn' as const }))];
    return [{ status: 'fail', message: `no subtitle track in ${script}`, measured: outcomes.length, expected }, ...failing];
  },
});
