import type { Bandwidth } from '../../facts/measurements.js';
import type { Spectra } from './spectrum.js';
import type { Utterances } from './utterances.js';
export type { Bandwidth };

const NOTHING_ABOVE_DB = -150;

/**
 * Over active speech (the spectral frames whose middle falls in a speech block), the energy above
 * 4 kHz against the energy from 300 Hz to 4 kHz, dB (RULES.md, audio.bandwidth).
 */
export function measureBandwidth(spectra: Spectra, utterances: Utterances): Bandwidth {
  let speechBand = 0;
  let highBand = 0;
  let frames = 0;
  for (let f = 0; f < spectra.speechBandPower.length; f++) {
    const block = Math.floor((f * spectra.hopS + spectra.frameS / 2) / utterances.blockS);
    if (!utterances.speech[block]) continue;
    speechBand += spectra.speechBandPower[f]!;
    highBand += spectra.highBandPower[f]!;
    frames++;
  }
  // Nothing at all above 4 kHz (exact zeros) reads as the floor of the scale, not as unknown.
  const highBelowSpeechDb = speechBand > 0 ? Math.max(NOTHING_ABOVE_DB, 10 * Math.log10(highBand / speechBand)) : null;
  return { highBelowSpeechDb, speechS: frames * spectra.hopS };
}
