/**
 * Where a probe puts its passing tables (the `moov` box, the sample tables, the packets' timestamps):
 * every large one in one block, dropped with the probe.
 *
 * Why not a typed array each: glibc raises its mmap threshold to the size of any mmapped block that
 * is freed (up to 32 MiB), and its heap's trim threshold to twice that. An hour's index frees blocks
 * of 0.7–2 MB; after that, every array the decode keeps (the picture columns, the hum powers, the
 * audio series) comes from the heap among the pipe's reads, and 4 MB of freed heap may stay resident.
 * The 60-min lesson then peaked 11–12 % above the 10-min one. A block larger than 32 MiB leaves the
 * threshold where it was when it is freed, and only the pages written are resident (a fresh mapping
 * is zeros until touched), so reserving it costs nothing. No allocator library does this for typed
 * arrays: it is a bump pointer.
 */
export interface ArraySource {
  array<T>(Type: ArrayType<T>, length: number): T;
}

export interface ArrayType<T> {
  new (length: number): T;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
}

/** Above glibc's largest dynamic mmap threshold (DEFAULT_MMAP_THRESHOLD_MAX, 32 MiB on 64-bit); the largest `moov` read fits. */
const BLOCK_BYTES = 64 * 1024 * 1024;
/**
 * Arrays below this come from the heap in any case (the threshold starts at 128 KiB): plain ones.
 * (Tried: a MiB, so that only files over half an hour make the block, whose 64 MiB of external memory
 * has V8 collect the young generation at once; the 60-min check then peaked 2 MiB higher.)
 */
const SMALL_BYTES = 64 * 1024;

/** Plain typed arrays: for tables that outlive the probe, and for callers outside one (tests). */
export const PLAIN_ARRAYS: ArraySource = { array: (Type, length) => new Type(length) };

/**
 * The block of one probe. An array that does not fit is a plain one. Whatever it hands out is zeros,
 * and must not outlive the probe: one view kept keeps every page of the block.
 */
export class Scratch implements ArraySource {
  private block: ArrayBuffer | null = null;
  private usedBytes = 0;

  array<T>(Type: ArrayType<T>, length: number): T {
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (bytes < SMALL_BYTES) return new Type(length);
    // 8-byte aligned, as Float64Array needs.
    const start = Math.ceil(this.usedBytes / 8) * 8;
    if (start + bytes > BLOCK_BYTES) return new Type(length);
    this.block ??= new ArrayBuffer(BLOCK_BYTES);
    this.usedBytes = start + bytes;
    return new Type(this.block, start, length);
  }
}
