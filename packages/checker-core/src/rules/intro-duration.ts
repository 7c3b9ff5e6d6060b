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
    const expected = `≤ ${maxS} s`;
    if (!facts.videoAnalysis && facts.chapters.length === 0) return { status: 'skip', message: 'no video stream', measured: null, expected };
    const intro = findIntro(facts, { searchS });
    if (!intro) return { status: 'warn', message: `intro not detected: no chapter marker, and no black gap or cut with a silence or change of sound in the first ${searchS} s`, measured: null, expected };
    const measured = { durationS: round(intro.durationS, 2), source: intro.source, evidence: intro.evidence };
    const at = [{ start: 0, end: round(intro.boundaryS, 3) }];
    if (intro.durationS <= maxS) return { status: 'pass', message: `intro ${measured.durationS} s (${intro.evidence})`, measured, expected, at };
    return { status: 'fail', message: `intro lasts ${measured.durationS} s, over ${maxS} s (${intro.evidence})`, measured, expected, at };
  },
});
