import type { Profile } from '../../profiles/profile.js';
import { DEFAULT_AUDIO_ANALYSIS, type AudioAnalysisOptions } from './analyze-audio.js';

/** The measurement parameters the profile's audio rules ask for. */
export function audioAnalysisOptions(profile: Profile): AudioAnalysisOptions {
  const options = (id: string) => profile.settings.find((s) => s.rule.id === id)?.options ?? {};
  const hum = options('audio.hum');
  const clipping = options('audio.clipping');
  const loudness = options('audio.loudness');
  return {
    humMinProminenceDb: (hum.minProminenceDb as number | undefined) ?? DEFAULT_AUDIO_ANALYSIS.humMinProminenceDb,
    humMinLevelDbfs: (hum.minLevelDbfs as number | undefined) ?? DEFAULT_AUDIO_ANALYSIS.humMinLevelDbfs,
    clipThreshold: (clipping.threshold as number | undefined) ?? DEFAULT_AUDIO_ANALYSIS.clipThreshold,
    clipMinRunSamples: (clipping.minRunSamples as number | undefined) ?? DEFAULT_AUDIO_ANALYSIS.clipMinRunSamples,
    loudnessMaxDeviationLu: (loudness.maxDeviationLu as number | undefined) ?? DEFAULT_AUDIO_ANALYSIS.loudnessMaxDeviationLu,
  };
}
