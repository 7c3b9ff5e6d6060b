import type { BoundaryEvidence } from './measurements.js';

/**
 * Where to cut a long lesson into parts: at natural boundaries (a black gap, a pause in the
 * narration, a slide change, best all at once), so that every part lasts between the shortest and
 * the longest a lesson may, in as few parts as possible. Pure.
 */

export type BoundaryKind = 'black' | 'silence' | 'scene';

export interface Cut {
  atS: number;
  kinds: BoundaryKind[];
  score: number;
  /** A boundary of the picture or sound; false for a cut at a plain time where none fitted. */
  natural: boolean;
}

export interface CutRequest {
  /** The stretch to cut (after any trimmed intro). */
  startS: number;
  endS: number;
  minPartS: number;
  maxPartS: number;
  evidence: BoundaryEvidence;
}

interface Candidate {
  atS: number;
  kinds: Set<BoundaryKind>;
  score: number;
}

/** Cut points (not including the ends), in order; [] when the stretch needs no cut. */
export function chooseCuts(request: CutRequest): Cut[] {
  const { startS, endS, minPartS, maxPartS } = request;
  const length = endS - startS;
  if (length <= maxPartS) return [];
  const fewest = Math.ceil(length / maxPartS);
  const ideal = length / fewest;
  const candidates = candidatesOf(request).filter((c) => c.atS - startS >= minPartS && endS - c.atS >= minPartS);

  // Dynamic programming over the candidates: fewest parts, then the highest total score, then the
  // most even lengths.
  interface Best {
    parts: number;
    score: number;
    unevenness: number;
    previous: number;
  }
  const points = [{ atS: startS, score: 0 } as Candidate, ...candidates, { atS: endS, score: 0 } as Candidate];
  const best: (Best | null)[] = points.map((_, i) => (i === 0 ? { parts: 0, score: 0, unevenness: 0, previous: -1 } : null));
  const better = (a: Best, b: Best | null) =>
    b === null || a.parts < b.parts || (a.parts === b.parts && (a.score > b.score + 1e-9 || (Math.abs(a.score - b.score) <= 1e-9 && a.unevenness < b.unevenness)));
  for (let j = 1; j < points.length; j++) {
    for (let i = j - 1; i >= 0; i--) {
      const partS = points[j]!.atS - points[i]!.atS;
      if (partS > maxPartS) break;
      if (partS < minPartS || best[i] === null) continue;
      const from = best[i]!;
      const option: Best = {
        parts: from.parts + 1,
        score: from.score + points[j]!.score,
        unevenness: from.unevenness + Math.abs(partS - ideal),
        previous: i,
      };
      if (better(option, best[j]!)) best[j] = option;
    }
  }
  const last = best[points.length - 1];
  if (!last) return evenCuts(request, fewest);
  const chosen: Cut[] = [];
  for (let i = last.previous; i > 0; i = best[i]!.previous) {
    const c = points[i]!;
    chosen.unshift({ atS: c.atS, kinds: [...c.kinds].sort(), score: c.score, natural: true });
  }
  return chosen;
}

/** No natural boundary fits: equal parts. */
function evenCuts(request: CutRequest, parts: number): Cut[] {
  const { startS, endS } = request;
  const step = (endS - startS) / parts;
  return Array.from({ length: parts - 1 }, (_, k) => ({ atS: round3(startS + step * (k + 1)), kinds: [], score: 0, natural: false }));
}

/**
 * Every place worth cutting at, scored: a black gap with silence (the end of the gap, where the next
 * picture starts) 4, a slide change in a pause 3, a black gap 2, a long pause 1.5, a pause 1, a
 * slide change while someone speaks 0.5.
 */
function candidatesOf(request: CutRequest): Candidate[] {
  const { blacks, silences, sceneChangesS } = request.evidence;
  const raw: { atS: number; kinds: BoundaryKind[] }[] = [];
  // The end of a black gap is where the next picture starts; a pause is cut in its middle.
  for (const black of blacks) raw.push({ atS: black.endS, kinds: ['black'] });
  for (const silence of silences) raw.push({ atS: (silence.startS + silence.endS) / 2, kinds: ['silence'] });
  for (const atS of sceneChangesS) raw.push({ atS, kinds: ['scene'] });

  const candidates: Candidate[] = [];
  for (const r of raw) {
    const atS = r.atS;
    const kinds = new Set<BoundaryKind>(r.kinds);
    for (const black of blacks) if (atS >= black.startS - 0.1 && atS <= black.endS + 0.1) kinds.add('black');
    for (const silence of silences) if (atS >= silence.startS - 0.1 && atS <= silence.endS + 0.1) kinds.add('silence');
    for (const scene of sceneChangesS) if (Math.abs(scene - atS) <= 0.1) kinds.add('scene');
    const longPause = silences.some((s) => atS >= s.startS && atS <= s.endS && s.endS - s.startS >= 1.5);
    const score = kinds.has('black') ? (kinds.has('silence') ? 4 : 2) : kinds.has('scene') ? (kinds.has('silence') ? 3 : 0.5) : longPause ? 1.5 : 1;
    candidates.push({ atS: round3(atS), kinds, score });
  }
  // One candidate per half second: the best.
  candidates.sort((a, b) => a.atS - b.atS || b.score - a.score);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const previous = kept.at(-1);
    if (previous && c.atS - previous.atS < 0.5) {
      if (c.score > previous.score) kept[kept.length - 1] = c;
    } else kept.push(c);
  }
  return kept;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
