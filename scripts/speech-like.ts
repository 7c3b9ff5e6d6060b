/**
 * A deterministic speech-like signal for ffmpeg's `aevalsrc`: a voice of fundamental `f0Hz` with
 * five harmonics, amplitude-modulated at syllable rate (4 Hz), spoken in phrases of `phraseS`
 * separated by pauses of `pauseS`. Peak level is about `peak` (linear).
 * Commas are escaped for the filtergraph parser.
 */
export function speechLikeExpression({ f0Hz = 140, phraseS = 2.5, pauseS = 0.8, peak = 0.5 } = {}): string {
  const harmonics = [1, 2, 3, 4, 5, 6].map((k) => `${(1 / k).toFixed(3)}*sin(2*PI*${f0Hz * k}*t)`).join('+');
  const syllables = '(0.5-0.5*cos(2*PI*4*t))';
  const phrase = `lt(mod(t,${phraseS + pauseS}),${phraseS})`;
  const scale = (peak / 2.45).toFixed(4); // 2.45 ≈ the harmonics' summed peak
  return `${scale}*${phrase}*${syllables}*(${harmonics})`.replace(/,/g, '\\,');
}
