/** Room reserved up front at most (three hours of 10 ms hops): a stated duration is only a claim. */
const MAX_RESERVED = 3 * 3600 * 100;

/**
 * An append-only Float64 array for per-frame measurements: memory grows with minutes, not samples.
 * Given the count it will reach (the frames or hops of the stream's stated duration), it holds
 * exactly that and hands it over without a copy; past it, it doubles.
 */
export class Growable {
  private data: Float64Array;
  length = 0;

  constructor(expected = 1024) {
    this.data = new Float64Array(reserved(expected));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, Float64Array);
    this.data[this.length++] = value;
  }

  /**
   * The values, once (the meter is done with them): a view of its own array when that is nearly
   * full (the reserved count was right: no copy of an hour's values at the end of a pass), else a
   * trimmed copy.
   */
  toArray(): Float64Array {
    return nearlyFull(this.length, this.data.length) ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

/** The same for flags and bytes. */
export class GrowableBytes {
  private data: Uint8Array;
  length = 0;

  constructor(expected = 1024) {
    this.data = new Uint8Array(reserved(expected));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grow(this.data, Uint8Array);
    this.data[this.length++] = value;
  }

  toArray(): Uint8Array {
    return nearlyFull(this.length, this.data.length) ? this.data.subarray(0, this.length) : this.data.slice(0, this.length);
  }
}

function grow<T extends Float64Array | Uint8Array>(data: T, Type: { new (length: number): T }): T {
  const bigger = new Type(data.length * 2);
  bigger.set(data);
  return bigger;
}

function reserved(expected: number): number {
  return Number.isFinite(expected) ? Math.min(MAX_RESERVED, Math.max(16, Math.ceil(expected))) : 1024;
}

/** At most 1 % (and 1,000 values) of the room unused. */
function nearlyFull(length: number, capacity: number): boolean {
  return capacity - length <= Math.min(1000, capacity * 0.01);
}
