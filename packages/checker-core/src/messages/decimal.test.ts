import { describe, expect, it } from 'vitest';
import { formatDecimal } from './decimal.js';

/** A seeded generator (mulberry32): the same values on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('formatDecimal writes what Intl.NumberFormat writes', () => {
  const next = random(12);
  const values = [0, -0, 1, -1, 0.5, 0.0005, 0.0015, -0.0004, 2.5, 999.9995, 1000, 1234.5, -1234567.891, 29.97, 44.1, 1e20, 123456789012345680000, 1e21, 1e-7, Number.NaN, Infinity, -Infinity];
  for (let i = 0; i < 2000; i++) {
    const magnitude = 10 ** Math.floor(next() * 12 - 4);
    const value = (next() - 0.3) * magnitude;
    // Whole values, thousandths, and exact ties at the fourth decimal (half away from zero).
    values.push(value, Math.round(value), Math.round(value * 1000) / 1000, (Math.round(value * 1000) + 0.5) / 1000);
  }
  for (const locale of ['en', 'zh']) {
    it(`in ${locale}, ${values.length} values, grouped and not`, () => {
      const grouped = new Intl.NumberFormat(locale);
      const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 3, useGrouping: false });
      expect(values.map((value) => formatDecimal(value))).toEqual(values.map((value) => grouped.format(value)));
      expect(values.map((value) => formatDecimal(value, false))).toEqual(values.map((value) => plain.format(value)));
    });
  }
});
