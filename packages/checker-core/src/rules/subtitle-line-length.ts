import { defineRule, type Outcome } from './rule.js';
import { judgeLine, measureLine } from '../subtitles/width.js';
import { cueTime, MAX_DETAILS, noTracks, quote } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.line-length',
  area: 'subtitle',
  notice: '中文一行不超过18个字，中英文结合且是一个整句时，最多20个字，字母不超过40个',
  description:
    'Per displayed line, markup stripped: Chinese-only width ≤ 18; mixed Chinese and Latin ≤ 20 (18–20 only as one whole sentence, else a warning); Latin-only ≤ 40 characters, spaces included. East-Asian wide and full-width characters count 1, all others ½.',
  severity: 'error',
  needs: ['subtitles'],
  options: {
    chineseMaxWidth: { default: 18, min: 1, description: 'Widest Chinese-only line.' },
    mixedMaxWidth: { default: 20, min: 1, description: 'Widest mixed line that is one whole sentence.' },
    latinMaxChars: { default: 40, min: 1, description: 'Longest Latin-only line, in characters.' },
  },
  check(facts, limits) {
    const expected = { expectedId: 'subtitle.line-length/expected', expectedParams: { ...limits } };
    const none = noTracks(facts, expected);
    if (none) return none;
    const details: Outcome[] = [];
    let failing = 0;
    let warning = 0;
    let lines = 0;
    let widest = 0;
    for (const track of facts.subtitles) {
      for (const cue of track.cues) {
        cue.lines.forEach((raw) => {
          const measure = measureLine(raw);
          const verdict = judgeLine(measure, limits);
          lines++;
          widest = Math.max(widest, measure.width);
          if (verdict.status === 'pass') return;
          if (verdict.status === 'fail') failing++;
          else warning++;
          if (details.length >= MAX_DETAILS) return;
          // The limit of this kind of line, as the finding's expectation and in its message.
          const limit = {
            messageId: 'subtitle.line-length/limit',
            params: { kind: measure.kind, maxWidth: measure.kind === 'mixed' ? limits.mixedMaxWidth : limits.chineseMaxWidth, maxChars: limits.latinMaxChars, chineseMaxWidth: limits.chineseMaxWidth },
          };
          details.push({
            status: verdict.status,
            messageId: 'subtitle.line-length/line',
            params: { cue: cue.index, lineNumber: cue.lineNumber, kind: measure.kind, script: measure.script ?? 'Latin', width: measure.width, chars: measure.width * 2, notSentence: verdict.status === 'warn', limit },
            measured: measure.width,
            expectedId: limit.messageId,
            expectedParams: limit.params,
            at: cueTime(cue.startS, cue.endS),
            subtitle: track.path,
            cue: cue.index,
            line: quote(measure.text),
          });
        });
      }
    }
    const measured = { lines, tooLong: failing, warnings: warning, widest };
    if (failing + warning === 0) return { status: 'pass', messageId: 'subtitle.line-length/pass', params: { lines, widest }, measured, ...expected };
    const problems = [
      ...(failing ? [{ messageId: 'subtitle.line-length/count-too-long', params: { count: failing } }] : []),
      ...(warning ? [{ messageId: 'subtitle.line-length/count-not-sentence', params: { count: warning, fromWidth: limits.chineseMaxWidth, toWidth: limits.mixedMaxWidth } }] : []),
    ];
    return [{ status: failing ? 'fail' : 'warn', messageId: 'subtitle.line-length/too-long-lines', params: { problems, lines }, measured, ...expected }, ...details];
  },
});
