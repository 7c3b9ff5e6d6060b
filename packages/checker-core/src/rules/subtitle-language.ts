import { defineRule, round, type Outcome } from './rule.js';
import { lettersByScript, type Script } from '../subtitles/width.js';
import { noTracks, trackName } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.language',
  area: 'subtitle',
  notice: '中文课程对应中文字幕，英文课程对应英文字幕',
  description:
    "The subtitles' script matches the course language (--language zh, the default, or en): at least half of the letters, of every script (Han, Latin, Cyrillic, Greek, …), are Han for zh, Latin for en.",
  severity: 'error',
  needs: ['subtitles'],
  options: { minShare: { default: 0.5, min: 0, max: 1, description: "Share of letters that must be in the course language's script." } },
  check(facts, { minShare }, { language }) {
    const expected = { expectedId: 'subtitle.language/expected', expectedParams: { minPercent: Math.round(minShare * 100), language } };
    const none = noTracks(facts, expected);
    if (none) return none;
    const outcomes: Outcome[] = facts.subtitles.map((track) => {
      const counts = lettersByScript(track.cues.map((cue) => cue.lines.join('')).join(''));
      const courseScript: Script = language === 'zh' ? 'Han' : 'Latin';
      const letters = Object.values(counts).reduce((sum, n) => sum + n, 0);
      const share = letters === 0 ? null : (counts[courseScript] ?? 0) / letters;
      // The script most of the other letters are in: what the producer put there instead.
      const others = (Object.entries(counts) as [Script, number][]).filter(([script]) => script !== courseScript);
      const mainOther = others.length === 0 ? null : others.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
      const measured = {
        hanLetters: counts.Han ?? 0,
        latinLetters: counts.Latin ?? 0,
        otherLetters: letters - (counts.Han ?? 0) - (counts.Latin ?? 0),
        share: share === null ? null : round(share, 3),
      };
      if (share === null) return { status: 'warn', messageId: 'subtitle.language/no-letters', params: { track: trackName(track) }, measured, ...expected, subtitle: track.path };
      const percent = Math.round(share * 100);
      if (share >= minShare) return { status: 'pass', messageId: 'subtitle.language/pass', params: { percent, language }, measured, ...expected, subtitle: track.path };
      return {
        status: 'fail',
        messageId: 'subtitle.language/wrong-language',
        params: { track: trackName(track), script: mainOther ?? 'Other', otherPercent: 100 - percent, language },
        measured,
        ...expected,
        subtitle: track.path,
      };
    });
    const failing = outcomes.filter((o) => o.status === 'fail');
    if (outcomes.length === 1) return outcomes[0]!;
    // Several tracks: one is enough when it is in the course language (a bilingual set is fine).
    const passing = outcomes.filter((o) => o.status === 'pass');
    if (passing.length > 0) {
      const summary: Outcome = { ...passing[0]!, messageId: 'subtitle.language/some-pass', params: { passing: passing.length, total: outcomes.length, language } };
      return [summary, ...failing.map((f) => ({ ...f, status: 'warn' as const }))];
    }
    return [{ status: 'fail', messageId: 'subtitle.language/none-pass', params: { language }, measured: outcomes.length, ...expected }, ...failing];
  },
});
