/** A second-order IIR section, direct form I, processing one channel of interleaved samples in place of nothing: it writes to `out`. */
export interface BiquadCoefficients {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

export class Biquad {
  private x1 = 0;
  private x2 = 0;
  private y1 = 0;
  private y2 = 0;

  constructor(private readonly c: BiquadCoefficients) {}

  /** Filters `count` samples read from `input` at `offset + i * stride` into `output[i]`. */
  run(input: Float32Array | Float64Array, offset: number, stride: number, count: number, output: Float64Array): void {
    const { b0, b1, b2, a1, a2 } = this.c;
    let { x1, x2, y1, y2 } = this;
    for (let i = 0, j = offset; i < count; i++, j += stride) {
      const x = input[j]!;
      const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      output[i] = y;
    }
    this.x1 = x1;
    this.x2 = x2;
    this.y1 = y1;
    this.y2 = y2;
  }
}

/** Butterworth-style low-pass section (RBJ cookbook) with quality `q`. */
export function lowPass(cutoffHz: number, sampleRateHz: number, q = Math.SQRT1_2): BiquadCoefficients {
  const w = (2 * Math.PI * cutoffHz) / sampleRateHz;
  const alpha = Math.sin(w) / (2 * q);
  const cos = Math.cos(w);
  const a0 = 1 + alpha;
  return { b0: (1 - cos) / 2 / a0, b1: (1 - cos) / a0, b2: (1 - cos) / 2 / a0, a1: (-2 * cos) / a0, a2: (1 - alpha) / a0 };
}
