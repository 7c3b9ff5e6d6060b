/** Room reserved up front at most (three hours of values 100 a second): a stated duration is only a claim. */
const MAX_RESERVED = 3 * 3600 * 100;

type Series = Float64Array | Float32Array | Uint8Array;

/**
 * An append-only typed array for per-frame measurements: memory grows with minutes, not samples.
 * Given the count it will reach (the frames or steps of the stream's stated duration), it holds
 * exactly that and hands it over without a copy; past it, it doubles. A second writer may fill the
 * far part of the room reserved (`put`). Long series that feed statistics, not exact sums, are kept
 * as Float32Array: half the memory of an hour-long lesson, and a relative error of 6e-8 (3e-7 dB).
 */
export class Growable<T extends Series = Float64Array> {
  private data: T;
  length = 0;

  constructor(
    private readonly Type: new (length: number) => T,
    expected = 1024,
  ) {
    this.data = new Type(reserved(expected));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new this.Type(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /**
   * Writes `value` at `index`, past the end but within the room reserved, for a second writer that
   * fills the far part of the series while the first appends to the near part; false, and nothing
   * written, out of that room (the room is never grown under a writer).
   */
  put(index: number, value: number): boolean {
    if (index < this.length || index >= this.data.length) return false;
    this.data[index] = value;
    return true;
  }

  /** Takes the values `put` up to `length` as the series' own. */
  extend(length: number): void {
    this.length = Math.max(this.length, Math.min(length, this.data.length));
  }

  /**
   * The values, once (the meter is done with them): a view of its own array when that is nearly
   * full (the reserved count was right: no copy of an hour's values at the end of a pass), else a
   * trimmed copy.
   */
  toArray(): T {
    return (nearlyFull(this.length, this.data.length) ? this.data.subarray(0, this.length) : this.data.slice(0, this.length)) as T;
  }
}

function reserved(expected: number): number {
  return Number.isFinite(expected) ? Math.min(MAX_RESERVED, Math.max(16, Math.ceil(expected))) : 1024;
}

/** At most 1 % (and 1,000 values) of the room unused. */
function nearlyFull(length: number, capacity: number): boolean {
  return capacity - length <= Math.min(1000, capacity * 0.01);
}
