import { findIntro } from './utils/intro-outro.js';
import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'intro.duration',
  area: 'intro-outro',
  notice: '片头要求：长度不超过10秒',
  description:
    'The intro lasts at most 10 s, its fade and the black or silent gap that closes it included. Found from chapter markers (片头 / intro / opening), else from the signal: the first cut, fade or black frame in the first 30 s that coincides with a silence or a change of sound. Not found: a warning.',
  severity: 'error',
  needs: ['video', 'audio', 'folder'],
  evidence: 'range-middle',
  options: {
    maxS: { default: 10, min: 0, description: 'Longest intro, seconds.' },
    searchS: { default: 30, min: 1, description: 'How far into the file to look for its end, seconds.' },
  },
  check(facts, { maxS, searchS }) {
    const expected = { expectedId: 'intro.duration/expected', expectedParams: { maxS } };
    if (!facts.videoAnalysis && facts.chapters.length === 0) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const intro = findIntro(facts, { searchS });
    if (!intro) return { status: 'warn', messageId: 'intro.duration/not-detected', params: { searchS, maxS }, measured: null, ...expected };
    const measured = { durationS: round(intro.durationS, 2), source: intro.source, evidence: intro.evidence };
    const at = [{ start: 0, end: round(intro.boundaryS, 3) }];
    const params = { durationS: measured.durationS, maxS, source: intro.source, evidence: intro.evidence };
    if (intro.durationS <= maxS) return { status: 'pass', messageId: 'intro.duration/pass', params, measured, ...expected, at };
    return { status: 'fail', messageId: 'intro.duration/too-long', params, measured, ...expected, at };
  },
});
