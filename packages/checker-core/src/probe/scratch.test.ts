import { describe, expect, it } from 'vitest';
import { Scratch } from './scratch.js';

describe('Scratch', () => {
  it('puts large arrays side by side in one block, zeroed, 8-byte aligned, not overlapping', () => {
    const scratch = new Scratch();
    const bytes = scratch.array(Uint8Array, 100_001);
    const times = scratch.array(Float64Array, 20_000);
    const sizes = scratch.array(Uint32Array, 50_000);
    expect(times.buffer).toBe(bytes.buffer);
    expect(sizes.buffer).toBe(bytes.buffer);
    expect(times.byteOffset % 8).toBe(0);
    expect(times.byteOffset).toBeGreaterThanOrEqual(bytes.byteOffset + bytes.byteLength);
    expect(sizes.byteOffset).toBeGreaterThanOrEqual(times.byteOffset + times.byteLength);
    expect(times.every((value) => value === 0) && sizes.every((value) => value === 0)).toBe(true);
    bytes.fill(255);
    times.fill(-1);
    expect(sizes.every((value) => value === 0)).toBe(true);
    // Larger than glibc's largest dynamic mmap threshold (32 MiB), so that freeing it moves nothing.
    expect(bytes.buffer.byteLength).toBeGreaterThan(32 * 1024 * 1024);
  });

  it('gives small arrays, and arrays past the block, arrays of their own', () => {
    const scratch = new Scratch();
    const small = scratch.array(Float64Array, 100);
    expect(small.buffer.byteLength).toBe(800);
    const first = scratch.array(Float64Array, 5_000_000);
    const past = scratch.array(Float64Array, 5_000_000);
    expect(past.buffer).not.toBe(first.buffer);
    expect(past.buffer.byteLength).toBe(40_000_000);
    expect(past.length).toBe(5_000_000);
  });
});
