import { describe, expect, it } from 'vitest';
import { readContainerSignature } from './container.js';

function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  const bytes = new Uint8Array(size + 8);
  new DataView(bytes.buffer).setUint32(0, size);
  const text = `ftyp${major}\0\0\u0002\0${compatible.join('')}`;
  for (let i = 0; i < text.length; i++) bytes[4 + i] = text.charCodeAt(i);
  return bytes;
}

describe('readContainerSignature', () => {
  it('reads an MP4 ftyp with its brands', () => {
    expect(readContainerSignature(ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'))).toEqual({
      signature: 'iso-bmff',
      majorBrand: 'isom',
      compatibleBrands: ['isom', 'iso2', 'avc1', 'mp41'],
    });
  });
  it('tells QuickTime by its qt brand or a leading moov/mdat box', () => {
    expect(readContainerSignature(ftyp('qt  ', 'qt  ')).signature).toBe('quicktime');
    expect(readContainerSignature(new Uint8Array([0, 0, 0, 8, 0x77, 0x69, 0x64, 0x65])).signature).toBe('quicktime');
  });
  it('tells Matroska by its EBML magic, and anything else as other', () => {
    expect(readContainerSignature(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4])).signature).toBe('matroska');
    expect(readContainerSignature(new TextEncoder().encode('hello, this is text')).signature).toBe('other');
  });
});
