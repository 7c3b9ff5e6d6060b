import type { ContainerFacts } from '../facts/facts.js';

/** Top-level boxes a QuickTime file without `ftyp` may start with. */
const QUICKTIME_LEADING_BOXES = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

export type ContainerSignature = Pick<ContainerFacts, 'signature' | 'majorBrand' | 'compatibleBrands'>;

/** Judges the container by its leading bytes, never by the file name. */
export function readContainerSignature(head: Uint8Array): ContainerSignature {
  const boxType = ascii(head, 4, 8);
  if (boxType === 'ftyp' && head.length >= 16) {
    const boxSize = Math.min(readUint32(head, 0), head.length);
    const majorBrand = ascii(head, 8, 12);
    const compatibleBrands: string[] = [];
    for (let offset = 16; offset + 4 <= boxSize; offset += 4) compatibleBrands.push(ascii(head, offset, offset + 4));
    const signature = majorBrand === 'qt  ' ? 'quicktime' : 'iso-bmff';
    return { signature, majorBrand, compatibleBrands };
  }
  if (QUICKTIME_LEADING_BOXES.has(boxType)) return { signature: 'quicktime', majorBrand: null, compatibleBrands: [] };
  if (EBML_MAGIC.every((byte, i) => head[i] === byte)) return { signature: 'matroska', majorBrand: null, compatibleBrands: [] };
  return { signature: 'other', majorBrand: null, compatibleBrands: [] };
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset]! << 24) >>> 0) + (bytes[offset + 1]! << 16) + (bytes[offset + 2]! << 8) + bytes[offset + 3]!;
}
