import type { StreamDamage, TimeRange } from '../facts/facts.js';
import { defineRule } from './rule.js';
import { mergeRanges } from './utils/time-ranges.js';

export default defineRule({
  id: 'file.integrity',
  area: 'file',
  notice: '(beyond the notice: a file that does not decode cleanly is not deliverable)',
  description:
    'The decode of every stream reports no corrupt or undecodable frames or packets; the finding gives the times of the damage (placed to within about a second: the decoder runs a few frames ahead of its output). A file from which nothing decodes is an error.',
  severity: 'error',
  needs: ['video', 'audio'],
  options: {
    mergeGapS: { default: 1, min: 0, description: 'Errors this close together are one damaged passage, seconds.' },
  },
  check({ videoAnalysis, audioAnalysis }, { mergeGapS }) {
    const expected = { expectedId: 'file.integrity/expected' };
    const streams = [
      { name: 'video', damage: videoAnalysis?.damage },
      { name: 'audio', damage: audioAnalysis?.damage },
    ].filter((s): s is { name: 'video' | 'audio'; damage: StreamDamage } => s.damage !== undefined);
    if (streams.length === 0) return { status: 'skip', messageId: 'file.integrity/not-decoded', measured: null, ...expected };
    const damaged = streams.filter((s) => s.damage.errorCount > 0);
    const errorCount = damaged.reduce((n, s) => n + s.damage.errorCount, 0);
    if (errorCount === 0) {
      return { status: 'pass', messageId: 'file.integrity/pass', params: { streams: streams.length > 1 ? 'both' : streams[0]!.name }, measured: 0, ...expected };
    }
    const passages = damaged.map((s) => ({ name: s.name, count: s.damage.errorCount, ranges: passagesOf(s.damage.atS, mergeGapS), first: s.damage.firstError }));
    const described = passages.map((p) => ({
      messageId: 'file.integrity/stream',
      params: { stream: p.name, errors: p.count, places: p.ranges.length, startS: p.ranges[0]?.start ?? 0 },
    }));
    return {
      status: 'fail',
      messageId: 'file.integrity/damaged',
      params: { streams: described, firstError: passages[0]!.first ?? '?' },
      measured: Object.fromEntries(passages.map((p) => [p.name, p.count])),
      ...expected,
      at: mergeRanges(passages.flatMap((p) => p.ranges), mergeGapS),
    };
  },
});

/** Error times gathered into passages: errors `gapS` apart or closer are one passage. */
function passagesOf(timesS: readonly number[], gapS: number): TimeRange[] {
  const sorted = [...timesS].sort((a, b) => a - b);
  return mergeRanges(sorted.map((t) => ({ start: t, end: t })), gapS);
}
