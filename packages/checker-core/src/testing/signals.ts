/** Synthetic signals for the measurement modules' unit tests: deterministic, with known levels. */

/** A seeded PRNG (mulberry32): the same seed, the same noise. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gaussian noise of the given RMS (Box–Muller). */
export function gaussianNoise(count: number, rms: number, seed = 1): Float64Array {
  const next = random(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = rms * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return out;
}

export function sine(count: number, frequencyHz: number, amplitude: number, rateHz = 48000): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / rateHz));
}

/** Interleaves channels into the Float32 layout ffmpeg's f32le gives. */
export function interleave(...channels: ArrayLike<number>[]): Float32Array {
  const frames = channels[0]!.length;
  const out = new Float32Array(frames * channels.length);
  for (let f = 0; f < frames; f++) for (let c = 0; c < channels.length; c++) out[f * channels.length + c] = channels[c]![f]!;
  return out;
}

export const dbToAmplitude = (db: number) => 10 ** (db / 20);
