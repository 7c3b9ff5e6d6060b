/**
 * Where the narrator speaks and where the pauses between utterances are, from the K-weighted
 * energy of 100 ms blocks (the loudness meter's). A bed (music, ambience) under the voice fills the
 * pauses, so a pause is not "quiet" in absolute terms: it is a stretch where the level falls to the
 * lower of the two levels the programme moves between. Each block is judged by the loudest of it and
 * its neighbours (300 ms): inside an utterance a 300 ms window nearly always holds a syllable, while a
 * pause between utterances holds only the bed. The threshold between the two is Otsu's, on the
 * histogram of those levels.
 */
export interface Utterances {
  blockS: number;
  /** 1 where the block lies in an utterance: from the first block above the threshold to the last, less the pauses. */
  speech: Uint8Array;
  /** 1 where the block lies in a pause between utterances (≥ 300 ms below the threshold, between the first and last speech). */
  pause: Uint8Array;
  /** The threshold between bed and speech, LUFS; null when nothing is above −70 LUFS or there is one level only. */
  thresholdLufs: number | null;
}

/** A programme never louder than this holds no speech (BS.1770's absolute gate). */
const SILENT_LUFS = -70;
/** Levels below this count as silence for the histogram. */
const FLOOR_LUFS = -100;
const HISTOGRAM_STEP_DB = 0.5;
const BLOCK_S = 0.1;
/** A pause between utterances is at least this many blocks whose neighbourhoods are all under the threshold. */
const MIN_PAUSE_BLOCKS = 3;

export const toLufs = (energy: number) => (energy > 0 ? -0.691 + 10 * Math.log10(energy) : -Infinity);

export function findUtterances(blockEnergy: Float64Array): Utterances {
  const count = blockEnergy.length;
  const speech = new Uint8Array(count);
  const pause = new Uint8Array(count);
  const level = Float64Array.from(blockEnergy, (e) => Math.max(FLOOR_LUFS, toLufs(e)));
  const neighbourhood = new Float64Array(count);
  for (let i = 0; i < count; i++) neighbourhood[i] = Math.max(level[i]!, level[i - 1] ?? -Infinity, level[i + 1] ?? -Infinity);
  let loudest = -Infinity;
  for (const l of level) loudest = Math.max(loudest, l);
  const threshold = loudest > SILENT_LUFS ? otsuThreshold(neighbourhood) : null;
  if (threshold === null) return { blockS: BLOCK_S, speech, pause, thresholdLufs: null };

  let first = -1;
  let last = -1;
  for (let i = 0; i < count; i++) {
    if (level[i]! < threshold) continue;
    if (first < 0) first = i;
    last = i;
  }
  // Runs under the threshold, between the first and the last speech: the pauses between utterances.
  for (let i = first + 1; i < last; ) {
    if (neighbourhood[i]! >= threshold) {
      i++;
      continue;
    }
    let end = i;
    while (end < last && neighbourhood[end]! < threshold) end++;
    if (end - i >= MIN_PAUSE_BLOCKS) pause.fill(1, i, end);
    i = end;
  }
  // The programme while the narrator speaks: the whole of each utterance, its short gaps and the
  // dips between syllables included (only the louder blocks would read the speech too loud under a bed).
  for (let i = first; i <= last; i++) speech[i] = pause[i] ? 0 : 1;
  return { blockS: BLOCK_S, speech, pause, thresholdLufs: threshold };
}

/** The level that best splits the values into two classes (Otsu: the largest between-class variance). */
export function otsuThreshold(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const bins = Math.ceil(-FLOOR_LUFS / HISTOGRAM_STEP_DB) + 1;
  const histogram = new Float64Array(bins);
  for (const v of values) histogram[Math.min(bins - 1, Math.max(0, Math.floor((v - FLOOR_LUFS) / HISTOGRAM_STEP_DB)))]!++;
  let total = 0;
  let weightedTotal = 0;
  for (let b = 0; b < bins; b++) {
    total += histogram[b]!;
    weightedTotal += b * histogram[b]!;
  }
  let below = 0;
  let weightedBelow = 0;
  let best = -1;
  let bestBin = -1;
  // Every split inside an empty gap between the classes is as good: take the middle of the gap.
  let bestLastBin = -1;
  for (let b = 0; b < bins - 1; b++) {
    below += histogram[b]!;
    weightedBelow += b * histogram[b]!;
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const difference = weightedBelow / below - (weightedTotal - weightedBelow) / above;
    const between = below * above * difference * difference;
    if (between > best * (1 + 1e-12)) {
      best = between;
      bestBin = b;
      bestLastBin = b;
    } else if (between >= best * (1 - 1e-12) && bestLastBin === b - 1) {
      bestLastBin = b;
    }
  }
  return bestBin < 0 ? null : FLOOR_LUFS + ((bestBin + bestLastBin) / 2 + 1) * HISTOGRAM_STEP_DB;
}
