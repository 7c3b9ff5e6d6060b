import type { Chapter, MediaFacts, TimeRange } from '../../facts/facts.js';
import type { MessageRef } from '../../facts/finding.js';
import { round } from '../../facts/units.js';
import { detectBlack, shotStarts } from './picture-events.js';

export interface Segment {
  /** Where the intro ends or the outro starts, seconds. */
  boundaryS: number;
  durationS: number;
  source: 'chapter' | 'shared' | 'signal';
  /** What the boundary was found from, with times (a message, rendered per locale). */
  evidence: MessageRef;
}

export interface SegmentSearch {
  /** How far into the file (or from its end) to look, seconds. */
  searchS?: number;
  /** Audio at or below this level counts as silence, dBFS. */
  silenceDbfs?: number;
  /** A level step this large across the boundary is a change of sound, dB. */
  soundChangeDb?: number;
}

const INTRO_TITLES = /片头|开场|intro|opening|title/i;
const OUTRO_TITLES = /片尾|结尾|outro|ending|credits|closing/i;
/** A black run that touches the file's start or end is its opening or closing fade, not a boundary. */
const EDGE_S = 0.3;

/** The intro: a chapter named like 片头 / intro / opening, else a passage shared with other lessons, else found in the signal; null when not found. */
export function findIntro(facts: MediaFacts, search: SegmentSearch = {}): Segment | null {
  const chapter = facts.chapters.find((c) => INTRO_TITLES.test(c.title));
  if (chapter) return { boundaryS: chapter.endS, durationS: chapter.endS, source: 'chapter', evidence: describeChapter(chapter) };
  const shared = facts.sharedPassages?.intro;
  if (shared) {
    const evidence = { messageId: 'intro-outro/shared-opening', params: { durationS: round(shared.durationS), sharedWith: shared.sharedWith } };
    return { boundaryS: shared.durationS, durationS: shared.durationS, source: 'shared', evidence };
  }
  return findBoundary(facts, 'intro', search);
}

/** The outro: a chapter named like 片尾 / outro / ending / credits, else found in the signal. */
export function findOutro(facts: MediaFacts, search: SegmentSearch = {}): Segment | null {
  const chapter = facts.chapters.find((c) => OUTRO_TITLES.test(c.title));
  const endS = programmeEndS(facts);
  if (chapter) return { boundaryS: chapter.startS, durationS: Math.min(endS, chapter.endS) - chapter.startS, source: 'chapter', evidence: describeChapter(chapter) };
  const shared = facts.sharedPassages?.outro;
  if (shared) {
    const evidence = { messageId: 'intro-outro/shared-closing', params: { durationS: round(shared.durationS), sharedWith: shared.sharedWith } };
    return { boundaryS: endS - shared.durationS, durationS: shared.durationS, source: 'shared', evidence };
  }
  return findBoundary(facts, 'outro', search);
}

export function programmeEndS(facts: MediaFacts): number {
  return facts.durationS ?? facts.video?.endS ?? 0;
}

/**
 * The first cut, fade or black gap within `searchS` of the start that coincides with a silence or
 * a change of sound (the intro includes the gap that closes it); the mirror at the end (the outro
 * includes the gap that opens it). Black gaps are tried before cuts, and a cut needs a change of
 * sound, not just a silence: lecturers pause at every slide change, and a slide change is no intro.
 */
function findBoundary(facts: MediaFacts, which: 'intro' | 'outro', { searchS = 30, silenceDbfs = -45, soundChangeDb = 10 }: SegmentSearch): Segment | null {
  const frames = facts.videoAnalysis?.frames;
  if (!frames || frames.count === 0) return null;
  const endS = programmeEndS(facts);
  const inWindow = (t: number) => (which === 'intro' ? t > EDGE_S && t <= searchS : t >= endS - searchS && t < endS - EDGE_S);
  const blacks = detectBlack(frames, { minDurationS: 0.08 }).filter((b) => b.start > EDGE_S && b.end < endS - EDGE_S);
  const cuts = shotStarts(frames).slice(1).map((i) => frames.timeS[i]!);
  const blackCandidates = blacks.map((b) => ({ t: which === 'intro' ? b.end : b.start, gap: b })).filter((c) => inWindow(c.t));
  const cutCandidates = cuts.filter(inWindow).map((t) => ({ t, gap: null as TimeRange | null }));
  const order = <T extends { t: number }>(list: T[]) => list.sort((a, b) => (which === 'intro' ? a.t - b.t : b.t - a.t));
  const track = facts.audioAnalysis?.levelTrack;
  for (const candidate of [...order(blackCandidates), ...order(cutCandidates)]) {
    const sound = !track
      ? candidate.gap ? { messageId: 'intro-outro/no-audio' } : null
      : audioEvidence(track, candidate.gap ?? { start: candidate.t, end: candidate.t }, candidate.gap ? silenceDbfs : -Infinity, soundChangeDb);
    if (!sound) continue;
    const durationS = which === 'intro' ? candidate.t : endS - candidate.t;
    const evidence = candidate.gap
      ? { messageId: 'intro-outro/black', params: { startS: round(candidate.gap.start), endS: round(candidate.gap.end), sound } }
      : { messageId: 'intro-outro/cut', params: { atS: round(candidate.t), sound } };
    return { boundaryS: candidate.t, durationS, source: 'signal', evidence };
  }
  return null;
}

/** A silence overlapping the place (±0.5 s), or a level step across it; null when the sound goes on unchanged. */
function audioEvidence(track: { stepS: number; levelsDbfs: Float64Array }, place: TimeRange, silenceDbfs: number, soundChangeDb: number): MessageRef | null {
  const at = (t: number) => Math.max(0, Math.min(track.levelsDbfs.length - 1, Math.round(t / track.stepS)));
  let silentFrom = -1;
  for (let i = at(place.start - 0.5); i <= at(place.end + 0.5); i++) {
    if (track.levelsDbfs[i]! <= silenceDbfs) {
      if (silentFrom < 0) silentFrom = i;
      if ((i - silentFrom + 1) * track.stepS >= 0.2) return { messageId: 'intro-outro/silence', params: { fromS: round(silentFrom * track.stepS) } };
    } else silentFrom = -1;
  }
  const before = meanDb(track.levelsDbfs, at(place.start - 2), at(place.start));
  const after = meanDb(track.levelsDbfs, at(place.end), at(place.end + 2));
  if (Math.abs(after - before) >= soundChangeDb) return { messageId: 'intro-outro/sound-change', params: { changeDb: Math.round(after - before) } };
  return null;
}

/** Energy mean of dB values over [from, to). */
function meanDb(levels: Float64Array, from: number, to: number): number {
  let energy = 0;
  let count = 0;
  for (let i = from; i < to; i++) {
    energy += Number.isFinite(levels[i]!) ? 10 ** (levels[i]! / 10) : 0;
    count++;
  }
  return count > 0 && energy > 0 ? 10 * Math.log10(energy / count) : -120;
}

function describeChapter(chapter: Chapter): MessageRef {
  return { messageId: 'intro-outro/chapter', params: { title: chapter.title, startS: round(chapter.startS), endS: round(chapter.endS) } };
}
