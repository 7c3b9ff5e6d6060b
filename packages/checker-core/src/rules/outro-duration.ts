import { findOutro, programmeEndS } from './utils/intro-outro.js';
import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'outro.duration',
  area: 'intro-outro',
  notice: '片尾要求：长度不超过5秒',
  description:
    'The outro lasts at most 5 s, the gap that opens it included. Found from chapter markers (片尾 / outro / ending / credits), else from the signal: the last cut, fade or black frame in the last 30 s that coincides with a silence or a change of sound. Not found: a warning.',
  severity: 'error',
  needs: ['video', 'audio', 'folder'],
  evidence: 'range-middle',
  options: {
    maxS: { default: 5, min: 0, description: 'Longest outro, seconds.' },
    searchS: { default: 30, min: 1, description: 'How far from the end to look for its start, seconds.' },
  },
  check(facts, { maxS, searchS }) {
    const expected = { expectedId: 'outro.duration/expected', expectedParams: { maxS } };
    if (!facts.videoAnalysis && facts.chapters.length === 0) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const outro = findOutro(facts, { searchS });
    if (!outro) return { status: 'warn', messageId: 'outro.duration/not-detected', params: { searchS, maxS }, measured: null, ...expected };
    const measured = { durationS: round(outro.durationS, 2), source: outro.source, evidence: outro.evidence };
    const at = [{ start: round(outro.boundaryS, 3), end: round(programmeEndS(facts), 3) }];
    const params = { durationS: measured.durationS, maxS, source: outro.source, evidence: outro.evidence };
    if (outro.durationS <= maxS) return { status: 'pass', messageId: 'outro.duration/pass', params, measured, ...expected, at };
    return { status: 'fail', messageId: 'outro.duration/too-long', params, measured, ...expected, at };
  },
});
