import { frameMeanSquare, powerToDb, type HopLevels } from './frame-levels.js';
import type { ChannelBalance } from '../../facts/measurements.js';
export type { ChannelBalance };

/** Frames within this many dB of the speech level count as active speech. */
const ACTIVE_BELOW_SPEECH_DB = 20;
/** A channel quieter than this over active speech carries nothing. */
export const SILENT_CHANNEL_DBFS = -90;

/** Per-channel level over the frames where the mono mix is within 20 dB of its speech level. */
export function measureChannelBalance(levels: HopLevels, speechLevelDbfs: number | null): ChannelBalance {
  const frames = Math.max(0, levels.monoEnergy.length - 1);
  const monoDbOf = (i: number) => powerToDb(frameMeanSquare(levels.monoEnergy, i, levels.hopSamples));
  // The frames' levels are kept only when there is no speech level to compare with; the loop below
  // allocates nothing (an hour has 360,000 frames: a closure a frame made the heap grow at the end).
  let reference = speechLevelDbfs;
  if (reference === null) reference = percentile(Float64Array.from({ length: frames }, (_, i) => monoDbOf(i)), 0.95);
  const { channelEnergy, hopSamples } = levels;
  const sums = channelEnergy.map(() => 0);
  let active = 0;
  for (let i = 0; i < frames; i++) {
    if (!(monoDbOf(i) >= reference - ACTIVE_BELOW_SPEECH_DB)) continue;
    active++;
    for (let c = 0; c < channelEnergy.length; c++) sums[c]! += frameMeanSquare(channelEnergy[c]!, i, hopSamples);
  }
  const levelsDbfs = sums.map((sum) => (active > 0 ? powerToDb(sum / active) : -Infinity));
  const differenceDb = levelsDbfs.length >= 2 && active > 0 ? clampInfinite(levelsDbfs[0]! - levelsDbfs[1]!) : null;
  return { levelsDbfs, differenceDb, activeFrames: active };
}

function percentile(values: Float64Array, fraction: number): number {
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length ? finite[Math.floor(fraction * (finite.length - 1))]! : -Infinity;
}

/** JSON has no Infinity: a silent channel's difference is reported as ±200 dB. */
function clampInfinite(value: number): number {
  return Math.max(-200, Math.min(200, value));
}
