import type { AudioAnalysis } from '../facts/facts.js';

/** How much of a file's start and end is kept for matching: intros and outros are short. */
export const PRINT_S = 30;
const STEP_S = 0.1;
/** Two prints match while both their levels stay within this of each other (median over 1 s), dB. */
const MATCH_DB = 2;
/** A passage this short is a coincidence, not an intro. */
const MIN_SHARED_S = 2;
/** Most of a shared passage must be sound: two silent openings are not a shared intro. */
const MIN_SOUND_SHARE = 0.6;
const SILENT_DB = -60;

/** The opening and closing 30 s of a file's sound, as two 100 ms level tracks (plain and K-weighted). */
export interface SoundPrint {
  head: { level: Float32Array; loudness: Float32Array };
  tail: { level: Float32Array; loudness: Float32Array };
}

export function soundPrint(audio: AudioAnalysis): SoundPrint {
  const steps = Math.round(PRINT_S / STEP_S);
  const level = audio.levelTrack.levelsDbfs;
  const loudness = audio.loudnessTrack;
  const count = Math.min(level.length, loudness.length);
  const slice = (track: Float64Array, from: number, to: number) => Float32Array.from(track.subarray(from, to), (v) => (Number.isFinite(v) ? v : -120));
  return {
    head: { level: slice(level, 0, Math.min(count, steps)), loudness: slice(loudness, 0, Math.min(count, steps)) },
    // The tail reversed: index 0 is the last 100 ms, so that heads and tails compare the same way.
    tail: { level: slice(level, Math.max(0, count - steps), count).reverse(), loudness: slice(loudness, Math.max(0, count - steps), count).reverse() },
  };
}

/** Seconds from the start (of heads, or from the end for tails) for which two prints agree; 0 when not a real passage. */
export function sharedLengthS(a: SoundPrint['head'], b: SoundPrint['head']): number {
  const n = Math.min(a.level.length, b.level.length);
  const window = Math.round(1 / STEP_S);
  let matched = 0;
  for (let i = 0; i + window <= n; i++) {
    const differences: number[] = [];
    for (let j = i; j < i + window; j++) differences.push(Math.max(Math.abs(a.level[j]! - b.level[j]!), Math.abs(a.loudness[j]! - b.loudness[j]!)));
    differences.sort((x, y) => x - y);
    if (differences[Math.floor(window / 2)]! > MATCH_DB) break;
    matched = i + window;
  }
  // The median carries the match up to half a window past its end: trim the steps that disagree.
  const differs = (j: number) => Math.max(Math.abs(a.level[j]! - b.level[j]!), Math.abs(a.loudness[j]! - b.loudness[j]!)) > MATCH_DB;
  while (matched > 0 && differs(matched - 1)) matched--;
  if (matched * STEP_S < MIN_SHARED_S) return 0;
  let sound = 0;
  for (let i = 0; i < matched; i++) if (a.level[i]! > SILENT_DB) sound++;
  return sound / matched >= MIN_SOUND_SHARE ? matched * STEP_S : 0;
}

export interface PrintedFile {
  index: number;
  path: string;
  folder: string;
  print: SoundPrint;
}

/** How many neighbours (in name order, same folder) a file is compared with: a course's lessons sit together. */
const NEIGHBOURS = 10;

/** For each file, the longest opening and closing passage it shares with a neighbour in its folder. */
export function findSharedPassages(files: PrintedFile[]): Map<number, { intro?: { durationS: number; sharedWith: string }; outro?: { durationS: number; sharedWith: string } }> {
  const byFolder = new Map<string, PrintedFile[]>();
  for (const file of files) byFolder.set(file.folder, [...(byFolder.get(file.folder) ?? []), file]);
  const found = new Map<number, { intro?: { durationS: number; sharedWith: string }; outro?: { durationS: number; sharedWith: string } }>();
  for (const group of byFolder.values()) {
    group.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    group.forEach((file, k) => {
      for (let j = Math.max(0, k - NEIGHBOURS); j <= Math.min(group.length - 1, k + NEIGHBOURS); j++) {
        if (j === k) continue;
        const other = group[j]!;
        const entry = found.get(file.index) ?? {};
        const intro = sharedLengthS(file.print.head, other.print.head);
        if (intro > (entry.intro?.durationS ?? 0)) entry.intro = { durationS: intro, sharedWith: other.path };
        const outro = sharedLengthS(file.print.tail, other.print.tail);
        if (outro > (entry.outro?.durationS ?? 0)) entry.outro = { durationS: outro, sharedWith: other.path };
        if (entry.intro || entry.outro) found.set(file.index, entry);
      }
    });
  }
  return found;
}
