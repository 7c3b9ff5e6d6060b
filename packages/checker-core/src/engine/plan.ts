import { DEFAULT_AUDIO_METERS } from '../analyze/audio/defaults.js';
import type { AudioMeterOptions } from '../facts/measurements.js';
import type { Profile } from '../profiles/profile.js';
import { QUICK_NEEDS, type Need } from '../rules/rule.js';

/** What a check of one file runs, read from the enabled rules' declarations. */
export interface Plan {
  quick: boolean;
  /** Decode the first audio / video stream (never in `--quick`). */
  audio: boolean;
  video: boolean;
  /** The audio meters' parameters: their defaults, overridden by each rule's `audioMeters`. */
  audioMeters: AudioMeterOptions;
  /** Some rule reads what the lessons of a folder share: keep each file's sound print. */
  folder: boolean;
}

export function planChecks(profile: Profile, quick: boolean): Plan {
  const needs = new Set(profile.settings.flatMap(({ rule }) => rule.needs));
  let audioMeters = DEFAULT_AUDIO_METERS;
  for (const { rule, options } of profile.settings) if (rule.audioMeters) audioMeters = { ...audioMeters, ...rule.audioMeters(options) };
  return { quick, audio: !quick && needs.has('audio'), video: !quick && needs.has('video'), audioMeters, folder: !quick && needs.has('folder') };
}

/** Whether a rule can run on what `--quick` gathers. */
export function runsInQuick(needs: readonly Need[]): boolean {
  return needs.every((need) => QUICK_NEEDS.has(need));
}
