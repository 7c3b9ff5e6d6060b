import { describe, expect, it } from 'vitest';
import { renderList } from './render.js';

describe('renderList writes English series as Intl.ListFormat does', () => {
  const lists = [['25'], ['25', '29.97'], ['GBK', 'Big5', 'UTF-16'], ['a', 'b', 'c', 'd', 'e'], [25, 29.97, 1234.5]];
  for (const [name, type] of [['allowedFps', 'disjunction'], ['streams', 'conjunction']] as const) {
    it(`${name}: ${type}`, () => {
      const intl = new Intl.ListFormat('en', { type });
      for (const list of lists) expect(renderList('en', name, list)).toBe(intl.format(list.map(String)));
    });
  }
  it('Chinese, with room beside numbers and Latin names', () => {
    expect(renderList('zh', 'allowedFps', [25, 29.97])).toBe('25 或 29.97');
    expect(renderList('zh', 'encodings', ['GBK', 'Big5', 'UTF-16'])).toBe('GBK、Big5 和 UTF-16');
  });
});
