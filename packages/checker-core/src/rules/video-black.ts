import { findIntro, findOutro, programmeEndS } from './utils/intro-outro.js';
import { detectBlack } from './utils/picture-events.js';
import { defineRule, round } from './rule.js';

export default defineRule({
  id: 'video.black',
  area: 'video',
  notice: '(beyond the notice)',
  description: 'No black segment of ≥ 1 s (mean luma ≤ 20, 8-bit) in the programme body, outside the intro and outro and the fades that open or close the file.',
  severity: 'warning',
  needs: ['video', 'audio'],
  evidence: 'event-start',
  options: {
    maxLuma: { default: 20, min: 0, max: 255, description: 'Mean luma at or below which a frame is black, 8-bit.' },
    minDurationS: { default: 1, min: 0, description: 'Shortest black segment reported, seconds.' },
  },
  check(facts, options) {
    const expected = { expectedId: 'video.black/expected', expectedParams: { minDurationS: options.minDurationS } };
    if (!facts.videoAnalysis) return { status: 'skip', messageId: 'skip/no-video', measured: null, ...expected };
    const endS = programmeEndS(facts);
    const bodyStart = findIntro(facts)?.boundaryS ?? 0;
    const bodyEnd = findOutro(facts)?.boundaryS ?? endS;
    const edge = 0.3;
    const segments = detectBlack(facts.videoAnalysis.frames, options).filter(
      (s) => s.start > edge && s.end < endS - edge && s.end > bodyStart + 1e-6 && s.start < bodyEnd - 1e-6,
    );
    if (segments.length === 0) return { status: 'pass', messageId: 'video.black/pass', measured: 0, ...expected };
    // Every segment is in `at`; the message names the first.
    const [first] = segments as [(typeof segments)[number]];
    return {
      status: 'fail',
      messageId: 'video.black/found',
      params: { count: segments.length, firstStartS: round(first.start, 3), firstEndS: round(first.end, 3), firstDurationS: round(first.end - first.start, 1) },
      measured: segments.length,
      ...expected,
      at: segments.map((s) => ({ start: round(s.start, 3), end: round(s.end, 3) })),
    };
  },
});
