import type { VoiceBalance } from '../../facts/measurements.js';
import { toLufs, type Utterances } from './utterances.js';
export type { VoiceBalance };

/** A bed whose 100 ms level varies less than this over the pauses (10th to 90th percentile) is a steady floor (RULES.md). */
export const STEADY_SPREAD_DB = 3;
/** Pauses count as silent when at least half of their blocks are exact zeros. */
const SILENT_SHARE = 0.5;

/**
 * The loudness of the programme while the narrator speaks against the loudness of the bed alone in
 * the pauses between utterances (RULES.md, audio.voice-balance), and whether that bed is silent or a
 * steady floor (noise: `audio.snr`'s matter) or a bed that moves (music, ambience).
 */
export function measureVoiceBalance(blockEnergy: Float64Array, utterances: Utterances): VoiceBalance {
  let speechSum = 0;
  let speechBlocks = 0;
  let bedSum = 0;
  let silentBlocks = 0;
  const pauseLevels: number[] = [];
  for (let i = 0; i < blockEnergy.length; i++) {
    const energy = blockEnergy[i]!;
    if (utterances.speech[i]) {
      speechSum += energy;
      speechBlocks++;
    } else if (utterances.pause[i]) {
      bedSum += energy;
      if (energy > 0) pauseLevels.push(toLufs(energy));
      else silentBlocks++;
    }
  }
  const pauseBlocks = pauseLevels.length + silentBlocks;
  const speechLufs = speechBlocks > 0 ? toLufs(speechSum / speechBlocks) : null;
  if (speechLufs === null || pauseBlocks === 0) {
    return { speechLufs: finite(speechLufs), bedLufs: null, differenceLu: null, pauseS: 0, bedSpreadDb: null, bed: 'none' };
  }
  const bedLufs = toLufs(bedSum / pauseBlocks);
  pauseLevels.sort((a, b) => a - b);
  const at = (p: number) => pauseLevels[Math.min(pauseLevels.length - 1, Math.round(p * (pauseLevels.length - 1)))]!;
  const bedSpreadDb = pauseLevels.length > 0 ? at(0.9) - at(0.1) : null;
  const bed = silentBlocks / pauseBlocks >= SILENT_SHARE || bedLufs === -Infinity ? 'silent' : bedSpreadDb! < STEADY_SPREAD_DB ? 'steady' : 'moving';
  return {
    speechLufs,
    bedLufs: finite(bedLufs),
    differenceLu: Number.isFinite(bedLufs) ? speechLufs - bedLufs : null,
    pauseS: pauseBlocks * utterances.blockS,
    bedSpreadDb,
    bed,
  };
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
