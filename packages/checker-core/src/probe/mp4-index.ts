import { open, type FileHandle } from 'node:fs/promises';
import { PLAIN_ARRAYS, type ArraySource } from './scratch.js';

/**
 * The sample index of an MP4 / QuickTime file (ISO/IEC 14496-12 `moov`), read without touching the
 * media data: where each sample's bytes are, how long it lasts, which are keyframes. Pure parsing:
 * every count the file states is bounded by the bytes of the box that states it, and a table that
 * contradicts another makes the whole index `null` (callers fall back), never an exception.
 */

export interface Mp4Index {
  /** Size of the file as read. */
  fileSizeBytes: number;
  /** `mvhd` timescale: the unit of edit-list segment durations. */
  movieTimescale: number;
  movieDurationTicks: number;
  /** Samples live in `moof` fragments, not in `moov`'s tables: the tables below are not the whole file. */
  fragmented: boolean;
  /** In `trak` order, which is ffprobe's stream order for this container. */
  tracks: Mp4Track[];
  /** Outside the tracks, `moov` names chapters (`chpl`) or cover art (`covr`, which ffprobe shows as a stream). */
  chaptersOrCover: boolean;
}

export interface Mp4Edit {
  /** Length of the edit on the movie timeline, in movie ticks (`mvhd` timescale). */
  segmentDurationTicks: number;
  /** First media time shown, in media ticks (`mdhd` timescale); -1 for an empty edit (a gap). */
  mediaTimeTicks: number;
  mediaRate: number;
}

export interface Mp4Track {
  trackId: number;
  /** `tkhd`'s display matrix (a, b, u, c, d, v, x, y, w as stored) and its size, whole pixels. */
  displayMatrix: number[];
  displayWidthPx: number;
  displayHeightPx: number;
  /** The first `stsd` entry, from its size field (its bytes live as long as the `moov` read); null when `stsd` is empty. */
  sampleEntry: Uint8Array | null;
  /** `hdlr` handler type: `vide`, `soun`, `text`, `tmcd`, … */
  handler: string;
  /** First `stsd` entry's format: `avc1`, `hvc1`, `mp4a`, `sowt`, `lpcm`, … */
  codec: string;
  /** `mdhd` ticks per second. */
  timescale: number;
  durationTicks: number;
  durationS: number;
  editList: Mp4Edit[];
  /** Samples the tables describe (for PCM, one per audio frame). */
  sampleCount: number;
  /**
   * Byte size every sample shares (PCM), else null. For QuickTime sound descriptions this is what
   * the description implies (it wins over `stsz`, as in players), and may be fractional (IMA ADPCM).
   */
  constantSampleSizeBytes: number | null;
  /**
   * The samples as entries in decode order: one per sample, except that samples of a constant size
   * are merged per chunk (as demuxers read PCM), so that nothing is allocated per sample a file
   * merely claims. `entrySamples` says how many samples each merged entry holds.
   */
  entryCount: number;
  entrySamples: Uint32Array | null;
  offsetsBytes: Float64Array;
  /** 32-bit per sample (as `stsz` holds them: half the memory of an hour's index); 64-bit per merged chunk. */
  sizesBytes: Float64Array | Uint32Array;
  /**
   * Decode time of each entry's first sample, in media ticks (before any edit list). An entry lasts
   * until the next one's decode time, the last until `decodeEndTicks` (`entryDurationTicks`): no
   * array of durations beside it (an hour's would be 1 MB).
   */
  decodeTicks: Float64Array;
  /** Where the last entry ends: the sum of every entry's duration. */
  decodeEndTicks: number;
  /** Composition minus decode time per entry (`ctts`), in media ticks; null when absent. */
  compositionOffsetsTicks: Int32Array | null;
  /** Zero-based indexes of the sync samples (`stss`); null when absent, meaning every sample is one. */
  syncSamples: Uint32Array | null;
  /** Chunks `stco`/`co64` lists, and the samples `stsc` puts in all of them (more than `sampleCount` when it over-claims). */
  chunkCount: number;
  samplesInChunks: number;
  /** Entries of `stsd` (sample descriptions); demuxers switch description per chunk when there are several. */
  sampleDescriptionCount: number;
  /** Runs of `stts` and the first run's delta: a single run of delta 1 is how uncompressed sound is timed. */
  timeToSampleRuns: number;
  firstSampleDeltaTicks: number | null;
  /** Samples in the second run of `stts`; null with fewer than two runs. */
  secondRunSampleCount: number | null;
  /**
   * Sound tracks: the QuickTime sound description's version (0 in ISO files) and, for versions 1
   * and 2, the sample frames it says a packet holds; null for other tracks.
   */
  soundDescription: { version: number; framesPerPacket: number } | null;
}

/** A `moov` larger than this is not courseware (a 2-hour file's is a few MiB): no reading it into memory. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
/** Top-level boxes scanned before giving up; real files have a handful. */
const MAX_TOP_LEVEL_BOXES = 10_000;

/** A box at the top level of the file, as its header declares it. */
export interface TopLevelBox {
  type: string;
  offsetBytes: number;
  headerBytes: number;
  /** Declared size, header included; a box whose end is past the end of the file was cut. */
  sizeBytes: number;
}

/**
 * Reads the index of the file at `path`; null when it is not a parseable ISO BMFF / QuickTime file.
 * Its tables, and the `moov` read, come from `memory`.
 */
export async function readMp4Index(path: string, memory: ArraySource = PLAIN_ARRAYS): Promise<Mp4Index | null> {
  const handle = await open(path, 'r');
  try {
    const fileSizeBytes = (await handle.stat()).size;
    const boxes = await scanTopLevel(handle, fileSizeBytes);
    const moov = boxes?.find((box) => box.type === 'moov');
    // A moov cut by the end of the file cannot be trusted; a huge one is not courseware.
    if (!boxes || !moov || moov.offsetBytes + moov.sizeBytes > fileSizeBytes || moov.sizeBytes > MAX_MOOV_BYTES) return null;
    const body = memory.array(Uint8Array, moov.sizeBytes - moov.headerBytes);
    const { bytesRead } = await handle.read(body, 0, body.length, moov.offsetBytes + moov.headerBytes);
    const parsed = bytesRead === body.length ? parseMoov(body, memory) : null;
    if (!parsed) return null;
    return { fileSizeBytes, ...parsed, fragmented: parsed.fragmented || boxes.some((box) => box.type === 'moof') };
  } finally {
    await handle.close();
  }
}

/** The top-level boxes of the file at `path`, from their headers alone; null when it does not start with a box. */
export async function readTopLevelBoxes(path: string): Promise<TopLevelBox[] | null> {
  const handle = await open(path, 'r');
  try {
    return await scanTopLevel(handle, (await handle.stat()).size);
  } finally {
    await handle.close();
  }
}

/** Hops from header to header with positioned reads, so that `mdat` is never read. */
async function scanTopLevel(handle: FileHandle, fileSizeBytes: number): Promise<TopLevelBox[] | null> {
  const boxes: TopLevelBox[] = [];
  const header = new Uint8Array(16);
  for (let offset = 0; offset + 8 <= fileSizeBytes; ) {
    if (boxes.length >= MAX_TOP_LEVEL_BOXES) return null;
    const { bytesRead } = await handle.read(header, 0, 16, offset);
    const view = new DataView(header.buffer, 0, bytesRead);
    const type = fourcc(header, 4);
    // Not a box: not ISO BMFF at all, or padding after the last box.
    if (!/^[\x20-\x7e]{4}$/.test(type)) break;
    let sizeBytes = view.getUint32(0);
    let headerBytes = 8;
    if (sizeBytes === 1) {
      if (bytesRead < 16) break;
      sizeBytes = Number(view.getBigUint64(8));
      headerBytes = 16;
    } else if (sizeBytes === 0) {
      sizeBytes = fileSizeBytes - offset; // "to the end of the file"
    }
    if (sizeBytes < headerBytes) break;
    boxes.push({ type, offsetBytes: offset, headerBytes, sizeBytes });
    offset += sizeBytes;
  }
  return boxes.length > 0 ? boxes : null;
}

/** Parses the body of a `moov` box (without its header). */
export function parseMoov(body: Uint8Array, memory: ArraySource = PLAIN_ARRAYS): Omit<Mp4Index, 'fileSizeBytes'> | null {
  try {
    const moov = new Reader(body);
    const mvhd = moov.child('mvhd');
    if (!mvhd) return null;
    const version = mvhd.u8(0);
    const movieTimescale = mvhd.u32(version === 1 ? 20 : 12);
    const movieDurationTicks = version === 1 ? mvhd.u64(24) : mvhd.u32(16);
    const tracks = moov.children('trak').map((trak) => parseTrak(trak, memory));
    return { movieTimescale, movieDurationTicks, fragmented: moov.child('mvex') !== null, tracks, chaptersOrCover: namesChaptersOrCover(moov) };
  } catch (error) {
    if (error instanceof Invalid) return null;
    throw error;
  }
}

/** Whether `udta` or `meta` (where chapters and cover art live) hold the type anywhere: a stray match only costs a fallback. */
function namesChaptersOrCover(moov: Reader): boolean {
  return [...moov.children('udta'), ...moov.children('meta')].some(({ bytes }) => {
    for (let i = 0; i + 4 <= bytes.length; i++) {
      const type = fourcc(bytes, i);
      if (type === 'chpl' || type === 'covr') return true;
    }
    return false;
  });
}

function parseTrak(trak: Reader, memory: ArraySource): Mp4Track {
  const tkhd = trak.need('tkhd');
  const tkhdLong = tkhd.u8(0) === 1;
  const trackId = tkhd.u32(tkhdLong ? 20 : 12);
  const matrixAt = tkhdLong ? 52 : 40;
  const displayMatrix = Array.from({ length: 9 }, (_, i) => tkhd.i32(matrixAt + 4 * i));
  const mdia = trak.need('mdia');
  const mdhd = mdia.need('mdhd');
  const mdhdVersion = mdhd.u8(0);
  const timescale = mdhd.u32(mdhdVersion === 1 ? 20 : 12);
  const durationTicks = mdhdVersion === 1 ? mdhd.u64(24) : mdhd.u32(16);
  if (timescale === 0) throw new Invalid('mdhd timescale 0');
  const handler = mdia.need('hdlr').fourcc(8);
  const minf = mdia.need('minf');
  const dref = minf.child('dinf')?.child('dref');
  // Samples in another file (a QuickTime reference movie) say nothing about this file's bytes.
  if (dref && dref.u32(4) > 0 && (new Reader(dref.bytes.subarray(8)).u32(8) & 1) === 0) throw new Invalid('external data');
  const stbl = minf.need('stbl');
  const stsd = stbl.need('stsd');
  const entry = stsd.u32(4) > 0 ? new Reader(stsd.bytes.subarray(8)) : null;
  const codec = entry ? entry.fourcc(4) : '';
  const edts = trak.child('edts');
  const elst = edts?.child('elst') ?? null;
  const stts = stbl.need('stts');
  const sttsRuns = stts.count(4, 8, 8);
  return {
    trackId,
    displayMatrix,
    displayWidthPx: tkhd.u32(matrixAt + 36) >>> 16,
    displayHeightPx: tkhd.u32(matrixAt + 40) >>> 16,
    sampleEntry: entry ? entry.bytes.subarray(0, Math.min(entry.bytes.length, entry.u32(0))) : null,
    handler,
    codec,
    timescale,
    durationTicks,
    durationS: durationTicks / timescale,
    editList: elst ? parseElst(elst) : [],
    ...parseSampleTables(stbl, handler === 'soun' && entry ? soundBytesPerSample(entry) : null, memory),
    sampleDescriptionCount: stsd.u32(4),
    timeToSampleRuns: sttsRuns,
    firstSampleDeltaTicks: sttsRuns > 0 ? stts.u32(12) : null,
    secondRunSampleCount: sttsRuns > 1 ? stts.u32(16) : null,
    soundDescription: handler === 'soun' && entry ? soundDescriptionOf(entry) : null,
  };
}

/** The sound description's version and, for versions 1 and 2, the sample frames a packet holds (0 when unstated). */
function soundDescriptionOf(entry: Reader): { version: number; framesPerPacket: number } | null {
  if (entry.bytes.length < 36) return null;
  const version = entry.u16(16);
  if (version === 1 && entry.bytes.length >= 52) return { version, framesPerPacket: entry.u32(36) };
  if (version === 2 && entry.bytes.length >= 72) return { version, framesPerPacket: entry.u32(68) };
  return { version, framesPerPacket: 0 };
}

function parseElst(elst: Reader): Mp4Edit[] {
  const version = elst.u8(0);
  const entryBytes = version === 1 ? 20 : 12;
  const count = elst.count(4, 8, entryBytes);
  const edits: Mp4Edit[] = [];
  for (let i = 0, at = 8; i < count; i++, at += entryBytes) {
    const segmentDurationTicks = version === 1 ? elst.u64(at) : elst.u32(at);
    const mediaTimeTicks = version === 1 ? Number(elst.view.getBigInt64(at + 8)) : elst.view.getInt32(at + 4);
    const rateAt = at + (version === 1 ? 16 : 8);
    edits.push({ segmentDurationTicks, mediaTimeTicks, mediaRate: elst.view.getInt16(rateAt) + elst.view.getUint16(rateAt + 2) / 65536 });
  }
  return edits;
}

/**
 * Bytes per sample that a QuickTime sound description implies, where it differs from `stsz`
 * (old QuickTime writes `stsz` size 1 for PCM and counts ADPCM in uncompressed samples); null otherwise.
 * `entry` starts at the sample entry's size field.
 */
function soundBytesPerSample(entry: Reader): number | null {
  if (entry.bytes.length < 36) return null;
  const version = entry.u16(16); // reserved (0) in ISO files; the sound description version in QuickTime
  if (version === 1 && entry.bytes.length >= 52) {
    const samplesPerPacket = entry.u32(36);
    const bytesPerFrame = entry.u32(44);
    return samplesPerPacket > 0 && bytesPerFrame > 0 ? bytesPerFrame / samplesPerPacket : null;
  }
  if (version === 2 && entry.bytes.length >= 72) {
    const bytesPerPacket = entry.u32(64);
    const framesPerPacket = entry.u32(68);
    return bytesPerPacket > 0 && framesPerPacket > 0 ? bytesPerPacket / framesPerPacket : null;
  }
  if (version === 0) {
    const bits = QUICKTIME_PCM_BITS[entry.fourcc(4)];
    const channels = entry.u16(24);
    return bits && channels > 0 ? (bits / 8) * channels : null;
  }
  return null;
}

/** Uncompressed QuickTime sound formats whose sample size the description fixes. */
const QUICKTIME_PCM_BITS: Record<string, number> = { 'raw ': 8, twos: 16, sowt: 16, in24: 24, in32: 32, fl32: 32, fl64: 64 };

type SampleTables = Pick<
  Mp4Track,
  | 'sampleCount'
  | 'constantSampleSizeBytes'
  | 'entryCount'
  | 'entrySamples'
  | 'offsetsBytes'
  | 'sizesBytes'
  | 'decodeTicks'
  | 'decodeEndTicks'
  | 'compositionOffsetsTicks'
  | 'syncSamples'
  | 'chunkCount'
  | 'samplesInChunks'
>;

function parseSampleTables(stbl: Reader, soundSampleBytes: number | null, memory: ArraySource): SampleTables {
  // Sizes: a table bounded by its box, or one size for all (then the count is only a claim).
  let sampleCount: number;
  let constantSampleSizeBytes: number | null = null;
  let sizes: Uint32Array | null = null;
  const stsz = stbl.child('stsz');
  if (stsz) {
    const constant = stsz.u32(4);
    if (constant > 0) {
      sampleCount = stsz.u32(8);
      constantSampleSizeBytes = soundSampleBytes ?? constant;
    } else {
      sampleCount = stsz.count(8, 12, 4);
      sizes = memory.array(Uint32Array, sampleCount);
      // Bounded by count(): plain reads (this loop sees every sample of the file).
      const view = stsz.view;
      for (let i = 0; i < sampleCount; i++) sizes[i] = view.getUint32(12 + 4 * i);
    }
  } else {
    const stz2 = stbl.need('stz2');
    const fieldBits = stz2.u8(7);
    if (fieldBits !== 4 && fieldBits !== 8 && fieldBits !== 16) throw new Invalid('stz2 field size');
    sampleCount = stz2.count(8, 12, fieldBits / 8);
    sizes = memory.array(Uint32Array, sampleCount);
    for (let i = 0; i < sampleCount; i++) {
      if (fieldBits === 16) sizes[i] = stz2.u16(12 + 2 * i);
      else if (fieldBits === 8) sizes[i] = stz2.u8(12 + i);
      else sizes[i] = (stz2.u8(12 + (i >> 1)) >> (i & 1 ? 0 : 4)) & 0x0f;
    }
  }

  const stco = stbl.child('stco');
  const co64 = stco ? null : stbl.need('co64');
  const chunkCount = stco ? stco.count(4, 8, 4) : co64!.count(4, 8, 8);
  const chunkOffset = (chunk: number) => (stco ? stco.u32(8 + 4 * chunk) : co64!.u64(8 + 8 * chunk));

  const stsc = stbl.need('stsc');
  const stscCount = stsc.count(4, 8, 12);
  if (sampleCount > 0 && (stscCount === 0 || stsc.u32(8) !== 1)) throw new Invalid('stsc does not start at chunk 1');

  const stts = stbl.need('stts');
  const sttsCount = stts.count(4, 8, 8);
  const durations = new SttsCursor(stts, sttsCount, sampleCount);

  // One entry per sample, or per chunk when all samples share a size: never more entries than the
  // boxes have bytes for.
  const merged = sizes === null;
  const capacity = merged ? chunkCount : sampleCount;
  const offsetsBytes = memory.array(Float64Array, capacity);
  const sizesBytes = merged ? memory.array(Float64Array, capacity) : sizes!;
  const decodeTicks = memory.array(Float64Array, capacity);
  const entrySamples = merged ? memory.array(Uint32Array, capacity) : null;
  let decodeEndTicks = 0;
  if (!merged) {
    // Per sample: decode times, the running sum of the durations, run by run. Kept out of the chunk
    // loop below, which then only places bytes: this runs once per file, before any JIT warms up.
    let filled = 0;
    let time = 0;
    for (let run = 0; filled < sampleCount; run++) {
      const end = filled + Math.min(stts.u32(8 + 8 * run), sampleCount - filled);
      const delta = stts.u32(8 + 8 * run + 4);
      if (delta >= 2 ** 31 && end > filled) throw new Invalid('negative stts delta'); // a signed value written unsigned
      for (; filled < end; filled++, time += delta) decodeTicks[filled] = time;
    }
    decodeEndTicks = time;
  }
  let entry = 0;
  let sample = 0;
  for (let run = 0; run < stscCount && sample < sampleCount; run++) {
    const firstChunk = stsc.u32(8 + 12 * run) - 1;
    const nextFirstChunk = run + 1 < stscCount ? stsc.u32(8 + 12 * (run + 1)) - 1 : chunkCount;
    if (nextFirstChunk <= firstChunk) throw new Invalid('stsc not increasing');
    const samplesPerChunk = stsc.u32(8 + 12 * run + 4);
    for (let chunk = firstChunk; chunk < Math.min(nextFirstChunk, chunkCount) && sample < sampleCount; chunk++) {
      const base = chunkOffset(chunk);
      if (merged) {
        const samples = Math.min(samplesPerChunk, sampleCount - sample);
        if (samples === 0) continue;
        offsetsBytes[entry] = base;
        sizesBytes[entry] = Math.ceil(samples * constantSampleSizeBytes!);
        decodeTicks[entry] = durations.timeTicks;
        decodeEndTicks += durations.advance(samples);
        entrySamples![entry] = samples;
        entry++;
        sample += samples;
      } else {
        let at = base;
        const last = Math.min(sample + samplesPerChunk, sampleCount);
        for (; sample < last; sample++) {
          offsetsBytes[sample] = at;
          at += sizesBytes[sample]!;
        }
        entry = sample;
      }
    }
  }
  if (sample < sampleCount) throw new Invalid('samples without a chunk');
  let samplesInChunks = 0;
  for (let run = 0; run < stscCount; run++) {
    const firstChunk = stsc.u32(8 + 12 * run) - 1;
    const nextFirstChunk = run + 1 < stscCount ? stsc.u32(8 + 12 * (run + 1)) - 1 : chunkCount;
    samplesInChunks += Math.max(0, Math.min(nextFirstChunk, chunkCount) - firstChunk) * stsc.u32(8 + 12 * run + 4);
  }

  return {
    sampleCount,
    constantSampleSizeBytes,
    entryCount: entry,
    entrySamples: entrySamples?.subarray(0, entry) ?? null,
    offsetsBytes: offsetsBytes.subarray(0, entry),
    sizesBytes: sizesBytes.subarray(0, entry),
    decodeTicks: decodeTicks.subarray(0, entry),
    decodeEndTicks,
    compositionOffsetsTicks: merged ? null : parseCtts(stbl.child('ctts'), sampleCount, memory),
    syncSamples: parseStss(stbl.child('stss'), sampleCount, memory),
    chunkCount,
    samplesInChunks,
  };
}

/** Walks `stts` runs a number of samples at a time, so that a merged PCM chunk costs one step per run. */
class SttsCursor {
  timeTicks = 0;
  private run = 0;
  private leftInRun: number;
  constructor(
    private readonly stts: Reader,
    private readonly runs: number,
    sampleCount: number,
  ) {
    let total = 0;
    for (let i = 0; i < runs; i++) total += stts.u32(8 + 8 * i);
    // Fewer durations than samples: the tables disagree. (More is tolerated, as demuxers do.)
    if (total < sampleCount) throw new Invalid('stts shorter than stsz');
    this.leftInRun = runs > 0 ? stts.u32(8) : 0;
  }

  /** Moves past `samples` samples; returns their total duration in ticks. */
  advance(samples: number): number {
    let duration = 0;
    while (samples > 0) {
      while (this.leftInRun === 0) this.leftInRun = this.stts.u32(8 + 8 * ++this.run);
      const delta = this.stts.u32(8 + 8 * this.run + 4);
      if (delta >= 2 ** 31) throw new Invalid('negative stts delta'); // a signed value written unsigned
      const take = Math.min(samples, this.leftInRun);
      duration += take * delta;
      this.leftInRun -= take;
      samples -= take;
    }
    this.timeTicks += duration;
    return duration;
  }
}

function parseCtts(ctts: Reader | null, sampleCount: number, memory: ArraySource): Int32Array | null {
  if (!ctts) return null;
  const runs = ctts.count(4, 8, 8);
  const offsets = memory.array(Int32Array, sampleCount);
  let sample = 0;
  for (let i = 0; i < runs && sample < sampleCount; i++) {
    const count = ctts.u32(8 + 8 * i);
    // Signed in version 1 and, in practice, in version 0 too (as demuxers read it).
    offsets.fill(ctts.view.getInt32(8 + 8 * i + 4), sample, Math.min(sample + count, sampleCount));
    sample = Math.min(sample + count, sampleCount);
  }
  if (sample < sampleCount) throw new Invalid('ctts shorter than stsz');
  return offsets;
}

function parseStss(stss: Reader | null, sampleCount: number, memory: ArraySource): Uint32Array | null {
  if (!stss) return null;
  const count = stss.count(4, 8, 4);
  const indexes = memory.array(Uint32Array, count);
  for (let i = 0; i < count; i++) {
    const number = stss.u32(8 + 4 * i);
    if (number < 1 || number > sampleCount) throw new Invalid('stss sample out of range');
    indexes[i] = number - 1;
  }
  return indexes;
}

/** What the index says about the part of a track the file holds. */
export interface TrackCoverage {
  /** Samples whose bytes end past the end of the file. */
  missingSamples: number;
  /** Shown time of the missing samples (the part the edit list shows), in seconds. */
  missingDurationS: number;
  /** Earliest time of a missing sample on the movie timeline; null when none is missing. */
  firstMissingS: number | null;
  /** Where the track ends on the movie timeline. */
  endS: number;
}

/**
 * Which samples of `track` end past `fileSizeBytes`. A merged PCM entry is present as far as its
 * whole samples reach. Times are put on the movie timeline by the edit list (so that trimmed AAC
 * priming counts for nothing); the edit list never decides what is missing.
 */
export function trackCoverage(track: Mp4Track, movieTimescale: number, fileSizeBytes: number): TrackCoverage {
  const { startS, shiftS, endS } = presentation(track, movieTimescale);
  let missingSamples = 0;
  let missingDurationS = 0;
  let firstMissingS = Infinity;
  for (let i = 0; i < track.entryCount; i++) {
    const offset = track.offsetsBytes[i]!;
    const size = track.sizesBytes[i]!;
    if (offset + size <= fileSizeBytes) continue;
    const samples = track.entrySamples?.[i] ?? 1;
    const present = samples > 1 ? Math.max(0, Math.min(samples - 1, Math.floor((fileSizeBytes - offset) / (size / samples)))) : 0;
    const durationTicks = entryDurationTicks(track, i);
    const fromS = (track.decodeTicks[i]! + (durationTicks * present) / samples) / track.timescale + shiftS;
    const toS = (track.decodeTicks[i]! + durationTicks) / track.timescale + shiftS;
    missingSamples += samples - present;
    missingDurationS += Math.max(0, Math.min(toS, endS) - Math.max(fromS, startS));
    firstMissingS = Math.min(firstMissingS, fromS);
  }
  return {
    missingSamples,
    missingDurationS,
    firstMissingS: missingSamples > 0 ? Math.min(endS, Math.max(startS, firstMissingS)) : null,
    endS,
  };
}

/** How long entry `i` of `track` lasts, in media ticks: up to the next entry's decode time. */
export function entryDurationTicks(track: Mp4Track, i: number): number {
  return (i + 1 < track.entryCount ? track.decodeTicks[i + 1]! : track.decodeEndTicks) - track.decodeTicks[i]!;
}

/** Where the index says the file ends: the end of its last sample, in bytes. */
export function indexedEndBytes(index: Mp4Index): number {
  let end = 0;
  for (const track of index.tracks) {
    for (let i = 0; i < track.entryCount; i++) end = Math.max(end, track.offsetsBytes[i]! + track.sizesBytes[i]!);
  }
  return end;
}

/**
 * How a track sits on the movie timeline: shown from `startS` to `endS`, media time plus `shiftS`.
 * Leading empty edits delay the track; the first real edit says which media time is shown first.
 */
export function presentation(track: Mp4Track, movieTimescale: number): { startS: number; shiftS: number; endS: number } {
  const mediaEndS = track.decodeEndTicks / track.timescale;
  const movieS = (ticks: number) => (movieTimescale > 0 ? ticks / movieTimescale : 0);
  let startS = 0;
  let i = 0;
  for (; i < track.editList.length && track.editList[i]!.mediaTimeTicks === -1; i++) startS += movieS(track.editList[i]!.segmentDurationTicks);
  const first = track.editList[i];
  if (!first) return { startS: 0, shiftS: startS, endS: startS + mediaEndS };
  const shiftS = startS - first.mediaTimeTicks / track.timescale;
  let shownS = 0;
  for (; i < track.editList.length; i++) shownS += movieS(track.editList[i]!.segmentDurationTicks);
  // A zero segment duration means "to the end of the media" (fragmented files write it).
  return { startS, shiftS, endS: shownS > 0 ? startS + shownS : mediaEndS + shiftS };
}

/** A table that contradicts the box holding it or another table. */
export class Invalid extends Error {}

/** A box's body (after its header) with bounds-checked reads; every failed check is `Invalid`. */
export class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private check(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.bytes.length) throw new Invalid('read past the end of a box');
  }
  u8(offset: number): number {
    this.check(offset, 1);
    return this.view.getUint8(offset);
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset);
  }
  i32(offset: number): number {
    this.check(offset, 4);
    return this.view.getInt32(offset);
  }
  u64(offset: number): number {
    this.check(offset, 8);
    return Number(this.view.getBigUint64(offset));
  }
  fourcc(offset: number): string {
    this.check(offset, 4);
    return fourcc(this.bytes, offset);
  }

  /** A count at `offset` of entries of `entryBytes` from `first`; more than the box holds is `Invalid`. */
  count(offset: number, first: number, entryBytes: number): number {
    const count = this.u32(offset);
    if (count > Math.floor(Math.max(0, this.bytes.length - first) / entryBytes)) throw new Invalid('count larger than its box');
    return count;
  }

  children(type: string): Reader[] {
    const found: Reader[] = [];
    for (let offset = 0; offset + 8 <= this.bytes.length; ) {
      let size = this.view.getUint32(offset);
      let headerBytes = 8;
      if (size === 1) {
        if (offset + 16 > this.bytes.length) throw new Invalid('box header cut');
        size = Number(this.view.getBigUint64(offset + 8));
        headerBytes = 16;
      } else if (size === 0) {
        size = this.bytes.length - offset; // to the end of the parent
      }
      if (size < headerBytes || offset + size > this.bytes.length) throw new Invalid('box larger than its parent');
      if (fourcc(this.bytes, offset + 4) === type) found.push(new Reader(this.bytes.subarray(offset + headerBytes, offset + size)));
      offset += size;
    }
    return found;
  }
  child(type: string): Reader | null {
    return this.children(type)[0] ?? null;
  }
  need(type: string): Reader {
    const box = this.child(type);
    if (!box) throw new Invalid(`no ${type}`);
    return box;
  }
}

function fourcc(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
}
