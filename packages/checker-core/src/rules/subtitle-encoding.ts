import { defineRule, type Outcome } from './rule.js';
import { describeEncoding } from '../subtitles/encoding.js';
import { noTracks, trackName } from './utils/subtitles.js';

export default defineRule({
  id: 'subtitle.encoding',
  area: 'subtitle',
  notice: '必须采用UTF-8编码',
  description: 'Each subtitle file is valid UTF-8 (a UTF-8 BOM is valid UTF-8 and passes); when not, the finding names the encoding it most likely is (GBK/GB18030, Big5, UTF-16).',
  severity: 'error',
  needs: ['subtitles'],
  options: {},
  check(facts) {
    const expected = { expectedId: 'subtitle.encoding/expected' };
    const none = noTracks(facts, expected);
    if (none) return none;
    const bad = facts.subtitles.filter((t) => !t.encoding.validUtf8);
    const measured = facts.subtitles.length === 1 ? facts.subtitles[0]!.encoding.encoding : Object.fromEntries(facts.subtitles.map((t) => [t.path, t.encoding.encoding]));
    if (bad.length === 0) {
      return { status: 'pass', messageId: 'subtitle.encoding/pass', params: { bom: facts.subtitles.some((t) => t.encoding.bom) }, measured, ...expected };
    }
    // The encoding's name (GBK/GB18030, Big5, UTF-16 LE), or null when it could not be told.
    const nameOf = (track: (typeof bad)[number]) => (track.encoding.encoding === 'unknown' ? null : describeEncoding(track.encoding.encoding));
    const details: Outcome[] = bad.map((track) => ({
      status: 'fail',
      messageId: 'subtitle.encoding/not-utf8',
      params: { track: trackName(track), encoding: track.encoding.encoding, encodingName: nameOf(track), bom: track.encoding.bom },
      measured: track.encoding.encoding,
      ...expected,
      subtitle: track.path,
    }));
    const encodings = [...new Set(bad.map((t) => nameOf(t) ?? '?'))];
    return [{ status: 'fail', messageId: 'subtitle.encoding/not-utf8-summary', params: { bad: bad.length, total: facts.subtitles.length, encodings }, measured, ...expected }, ...details];
  },
});
