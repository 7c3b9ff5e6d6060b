import type { AudioMeterOptions } from '../../facts/measurements.js';

/**
 * The meters' defaults; a rule's options override them (the engine reads each rule's `audioMeters`).
 * A module of its own, so that planning a check does not load the meters.
 */
export const DEFAULT_AUDIO_METERS: AudioMeterOptions = {
  humMinProminenceDb: 10,
  humMinLevelDbfs: -70,
  clipThreshold: 0.999,
  clipMinRunSamples: 3,
  loudnessMaxDeviationLu: 6,
};
