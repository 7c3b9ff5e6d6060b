/**
 * A deterministic speech-like signal for ffmpeg's `aevalsrc`: a voice of fundamental `f0Hz` with
 * five harmonics (amplitudes 1/k), amplitude-modulated at syllable rate (4 Hz by default), spoken in phrases
 * of `phraseS` separated by pauses of `pauseS` of exact silence. Its peak is `peak` (linear).
 * `sibilance` (linear, against the voice's peak) adds the hiss of consonants, white noise that follows
 * the syllables: a voice without it has nothing above 840 Hz and reads as telephone-band narration
 * (audio.bandwidth); 0 (the default) keeps the tests' voice as it was.
 * Commas are escaped for the filtergraph parser.
 */
export function speechLikeExpression({ f0Hz = 140, phraseS = 2.5, pauseS = 0.8, peak = 0.5, syllableHz = 4, syllablePhase = 0, sibilance = 0 } = {}): string {
  const harmonics = HARMONICS.map((k) => `${(1 / k).toFixed(6)}*sin(2*PI*${f0Hz * k}*t)`).join('+');
  const hiss = sibilance > 0 ? `+${(sibilance * HARMONIC_SUM_PEAK).toPrecision(6)}*(2*random(1)-1)` : '';
  const syllables = `(0.5-0.5*cos(2*PI*${syllableHz}*t+${syllablePhase}))`;
  const phrase = `lt(mod(t,${phraseS + pauseS}),${phraseS})`;
  const scale = (peak / HARMONIC_SUM_PEAK).toPrecision(6);
  return `${scale}*${phrase}*${syllables}*(${harmonics}${hiss})`.replace(/,/g, '\\,');
}

const HARMONICS = [1, 2, 3, 4, 5, 6];

/** The largest value of Σ sin(kx)/k over one period, found numerically (≈ 1.70). */
export const HARMONIC_SUM_PEAK = (() => {
  let max = 0;
  for (let i = 0; i < 100_000; i++) {
    const x = (2 * Math.PI * i) / 100_000;
    let sum = 0;
    for (const k of HARMONICS) sum += Math.sin(k * x) / k;
    max = Math.max(max, sum);
  }
  return max;
})();
