import { BIN_DB, FULL_SCALE_DB16, LOW_DB, powerToDb } from './stnr.js';
import type { ChannelBalance } from '../../facts/measurements.js';
export type { ChannelBalance };

/** Frames within this many dB of the speech level count as active speech. */
const ACTIVE_BELOW_SPEECH_DB = 20;
/** A channel quieter than this over active speech carries nothing. */
export const SILENT_CHANNEL_DBFS = -90;

/**
 * The mono mix's levels the frames are sorted into: half an STNR bin wide, starting at an STNR bin
 * centre (in its 16-bit scale), so that every STNR centre is an edge. A speech level is such a
 * centre, and 20 dB is 80 bins: the frames at or above the speech level less 20 dB are whole
 * levels, the same frames as comparing each frame's level.
 */
const LEVEL_DB = BIN_DB / 2;
/** The first STNR bin centre (−28 dB) less 168 bins: −70 dB in the 16-bit scale, −160 dBFS. */
const LOWEST_DB16 = LOW_DB + LEVEL_DB - 336 * LEVEL_DB;
/** Up to +40 dBFS (float sound may pass full scale). */
const LEVELS = 1604;
/** Slot 0: frames of no level (the mono mix exactly zero); 1: below the lowest level; then one per level. */
const SLOTS = 2 + LEVELS;

/** The frames by the mono mix's level, and each channel's frame powers summed per level. */
export interface ChannelBalanceBins {
  frames: Float64Array;
  /** [channel][slot] the frames' mean squares, summed. */
  channelPower: Float64Array[];
}

/** Gathers what the channel balance needs as the frames pass: memory is the same for a minute and an hour. */
export class ChannelBalanceMeter {
  private readonly frames = new Float64Array(SLOTS);
  private readonly channelPower: Float64Array[];

  constructor(channels: number) {
    this.channelPower = Array.from({ length: channels }, () => new Float64Array(SLOTS));
  }

  add(monoMeanSquare: number, channelMeanSquares: Float64Array): void {
    const slot = slotOf(powerToDb(monoMeanSquare));
    this.frames[slot]!++;
    for (let c = 0; c < this.channelPower.length; c++) this.channelPower[c]![slot]! += channelMeanSquares[c]!;
  }

  finish(): ChannelBalanceBins {
    return { frames: this.frames, channelPower: this.channelPower };
  }
}

function slotOf(db: number): number {
  if (db === -Infinity) return 0;
  const level = Math.floor((db + FULL_SCALE_DB16 - LOWEST_DB16) / LEVEL_DB);
  return level < 0 ? 1 : 2 + Math.min(LEVELS - 1, level);
}

/** The first slot at or above `thresholdDbfs` (a threshold between edges starts at the next edge). */
function firstSlotFrom(thresholdDbfs: number): number {
  // −∞ − 20 dB: every frame, those of no level too.
  if (thresholdDbfs === -Infinity) return 0;
  // The tolerance takes a threshold computed onto an edge (a bin centre less 20 dB) as that edge.
  const level = Math.ceil((thresholdDbfs + FULL_SCALE_DB16 - LOWEST_DB16) / LEVEL_DB - 1e-9);
  return level <= 0 ? 1 : 2 + Math.min(LEVELS, level);
}

/** Per-channel level over the frames where the mono mix is within 20 dB of its speech level. */
export function measureChannelBalance(levels: { balance: ChannelBalanceBins }, speechLevelDbfs: number | null): ChannelBalance {
  const { frames, channelPower } = levels.balance;
  const reference = speechLevelDbfs ?? percentileDbfs(frames, 0.95);
  const sums = channelPower.map(() => 0);
  let active = 0;
  for (let slot = firstSlotFrom(reference - ACTIVE_BELOW_SPEECH_DB); slot < SLOTS; slot++) {
    active += frames[slot]!;
    for (let c = 0; c < channelPower.length; c++) sums[c]! += channelPower[c]![slot]!;
  }
  const levelsDbfs = sums.map((sum) => (active > 0 ? powerToDb(sum / active) : -Infinity));
  const differenceDb = levelsDbfs.length >= 2 && active > 0 ? clampInfinite(levelsDbfs[0]! - levelsDbfs[1]!) : null;
  return { levelsDbfs, differenceDb, activeFrames: active };
}

/**
 * The level of the frame at `fraction` of those with a level, as the lower edge of its slot (at
 * most an eighth of a dB under the frame's own: there is no speech level to compare with, only the
 * loud end of whatever sound there is).
 */
function percentileDbfs(frames: Float64Array, fraction: number): number {
  let count = 0;
  for (let slot = 1; slot < SLOTS; slot++) count += frames[slot]!;
  if (count === 0) return -Infinity;
  const index = Math.floor(fraction * (count - 1));
  let below = 0;
  let slot = 1;
  for (; slot < SLOTS - 1 && below + frames[slot]! <= index; slot++) below += frames[slot]!;
  return LOWEST_DB16 + Math.max(0, slot - 2) * LEVEL_DB - FULL_SCALE_DB16;
}

/** JSON has no Infinity: a silent channel's difference is reported as ±200 dB. */
function clampInfinite(value: number): number {
  return Math.max(-200, Math.min(200, value));
}
