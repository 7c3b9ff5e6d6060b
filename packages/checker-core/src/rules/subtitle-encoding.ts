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
    const expected = 'UTF-8';
    const none = noTracks(facts, expected);
    if (none) return none;
    const bad = facts.subtitles.filter((t) => !t.encoding.validUtf8);
    const measured = facts.subtitles.length === 1 ? facts.subtitles[0]!.encoding.encoding : Object.fromEntries(facts.subtitles.map((t) => [t.path, t.encoding.encoding]));
    if (bad.length === 0) {
      const bom = facts.subtitles.some((t) => t.encoding.bom) ? ' (with a byte-order mark, which is fine)' : '';
      return { status: 'pass', message: `UTF-8${bom}`, measured, expected };
    }
    const details: Outcome[] = bad.map((track) => ({
      status: 'fail',
      message: `${trackName(track)} is ${describeEncoding(track.encoding.encoding)}${track.encoding.bom ? ' with a BOM' : ''}, not UTF-8: save it as UTF-8 (or run courseware-check fix-subtitles)`,
      measured: track.encoding.encoding,
      expected,
      subtitle: track.path,
    }));
    const summary = bad.map((t) => describeEncoding(t.encoding.encoding)).join(', ');
    return [{ status: 'fail', message: `${bad.length} of ${facts.subtitles.length} subtitle file(s) not UTF-8 (${summary})`, measured, expected }, ...details];
  },
});
