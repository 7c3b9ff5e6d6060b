import { defineRule } from './rule.js';

export default defineRule({
  id: 'container.mp4',
  area: 'file',
  notice: '封装格式采用MP4',
  description: 'The file is an ISO BMFF MP4, judged by its bytes: not QuickTime .mov, Matroska, or anything renamed .mp4.',
  severity: 'error',
  needs: ['probe'],
  options: {},
  check({ container }) {
    const expected = { expectedId: 'container.mp4/expected' };
    const brands = [container.majorBrand, ...container.compatibleBrands].filter((b): b is string => b !== null);
    const measured = { signature: container.signature, majorBrand: container.majorBrand, compatibleBrands: container.compatibleBrands };
    if (container.signature === 'iso-bmff' && brands.some((brand) => MP4_BRANDS.has(brand))) {
      return { status: 'pass', messageId: 'container.mp4/pass', params: { brand: container.majorBrand?.trim() ?? null }, measured, ...expected };
    }
    const params = { kind: container.signature.replace('-', ''), brand: container.majorBrand?.trim() ?? null, formatName: container.formatName };
    return { status: 'fail', messageId: 'container.mp4/not-mp4', params, measured, ...expected };
  },
});

/** Brands that make an ISO BMFF file an MP4 (ISO/IEC 14496-12/14 and the common profiles of it). */
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
  'mp41', 'mp42', 'avc1', 'M4V ', 'M4A ', 'f4v ', 'dash', 'msnv', 'mmp4', 'NDAS', 'XAVC',
]);
