import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath, ffprobePath } from './binaries.js';
import { entryDurationTicks, indexedEndBytes, presentation, readMp4Index, readTopLevelBoxes, trackCoverage, type Mp4Index, type Mp4Track } from './mp4-index.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'mp4-index-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Deterministic lavfi sources, one thread: the same file on every run. */
async function ffmpeg(name: string, args: string[]): Promise<string> {
  const path = join(folder, name);
  await execa(ffmpegPath(), ['-y', '-v', 'error', '-nostdin', ...args, path]);
  return path;
}
const PICTURE = ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2'];
const SOUND = ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2,aformat=channel_layouts=stereo'];
// veryfast has B-frames (so ctts and a video edit list); -g 25 gives two keyframes.
const H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-g', '25', '-pix_fmt', 'yuv420p', '-threads', '1'];

interface Packet {
  stream: number;
  pts: number;
  dts: number;
  duration: number;
  size: number;
  pos: number;
  key: boolean;
}

async function ffprobePackets(path: string): Promise<Packet[]> {
  const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-show_entries', 'packet=stream_index,pts,dts,duration,size,pos,flags', '-of', 'csv=p=0', path]);
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '') // a packet with side data (the trimmed AAC priming) adds an empty row
    .map((line) => {
      const [stream, pts, dts, duration, size, pos, flags = ''] = line.split(',');
      return { stream: Number(stream), pts: Number(pts), dts: Number(dts), duration: Number(duration), size: Number(size), pos: Number(pos), key: flags.includes('K') };
    });
}

async function ffprobeStreams(path: string): Promise<{ index: number; duration: string; nb_frames: string }[]> {
  const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=index,duration,nb_frames', '-of', 'json', path]);
  return (JSON.parse(stdout) as { streams: { index: number; duration: string; nb_frames: string }[] }).streams;
}

/** Every sample of the track is the packet ffprobe reads: same position, size, duration, timestamps, key flag. */
async function expectSameAsFfprobe(path: string, index: Mp4Index): Promise<void> {
  const packets = await ffprobePackets(path);
  const streams = await ffprobeStreams(path);
  for (const [i, track] of index.tracks.entries()) {
    const mine = packets.filter((p) => p.stream === i);
    const shift = track.editList[0]?.mediaTimeTicks ?? 0; // ffprobe's timestamps start where the edit list does
    expect(track.sampleCount).toBe(Number(streams[i]!.nb_frames));
    expect(track.entryCount).toBe(mine.length);
    expect(Array.from(track.offsetsBytes)).toEqual(mine.map((p) => p.pos));
    expect(Array.from(track.sizesBytes)).toEqual(mine.map((p) => p.size));
    expect(Array.from(track.decodeTicks, (_, s) => entryDurationTicks(track, s))).toEqual(mine.map((p) => p.duration));
    expect(Array.from(track.decodeTicks, (t) => t - shift)).toEqual(mine.map((p) => p.dts));
    const composition = track.compositionOffsetsTicks;
    expect(Array.from(track.decodeTicks, (t, s) => t + (composition?.[s] ?? 0) - shift)).toEqual(mine.map((p) => p.pts));
    const sync = track.syncSamples ? new Set(track.syncSamples) : null;
    expect(mine.map((_, s) => sync === null || sync.has(s))).toEqual(mine.map((p) => p.key));
    expect(presentation(track, index.movieTimescale).endS).toBeCloseTo(Number(streams[i]!.duration), 3);
    expect(trackCoverage(track, index.movieTimescale, index.fileSizeBytes).missingSamples).toBe(0);
  }
}

describe('readMp4Index on files from the bundled ffmpeg', () => {
  let moovLast: string;
  let moovFirst: string;
  beforeAll(async () => {
    moovLast = await ffmpeg('moov-last.mp4', [...PICTURE, ...SOUND, ...H264, '-c:a', 'aac', '-b:a', '128k', '-f', 'mp4']);
    moovFirst = await ffmpeg('moov-first.mp4', ['-i', moovLast, '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4']);
  });

  it('moov after mdat: every sample is the packet ffprobe reads', async () => {
    const index = (await readMp4Index(moovLast))!;
    expect(index.fragmented).toBe(false);
    expect(index.tracks.map((t) => [t.handler, t.codec])).toEqual([
      ['vide', 'avc1'],
      ['soun', 'mp4a'],
    ]);
    const [video, audio] = index.tracks as [Mp4Track, Mp4Track];
    expect(video.sampleCount).toBe(50);
    expect(video.syncSamples).toEqual(new Uint32Array([0, 25]));
    expect(video.compositionOffsetsTicks).not.toBeNull(); // B-frames
    expect(audio.editList[0]!.mediaTimeTicks).toBe(1024); // AAC priming, trimmed by the edit list
    const boxes = (await readTopLevelBoxes(moovLast))!.map((b) => b.type);
    expect(boxes.indexOf('moov')).toBeGreaterThan(boxes.indexOf('mdat'));
    await expectSameAsFfprobe(moovLast, index);
  });

  it('moov before mdat (faststart): the same samples at moved offsets', async () => {
    const first = (await readMp4Index(moovFirst))!;
    const last = (await readMp4Index(moovLast))!;
    const boxes = (await readTopLevelBoxes(moovFirst))!.map((b) => b.type);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    for (const [i, track] of first.tracks.entries()) {
      expect(track.sizesBytes).toEqual(last.tracks[i]!.sizesBytes);
      expect(track.decodeTicks).toEqual(last.tracks[i]!.decodeTicks);
      expect(track.offsetsBytes).not.toEqual(last.tracks[i]!.offsetsBytes);
    }
    expect(indexedEndBytes(first)).toBe(first.fileSizeBytes); // mdat is the last box
    await expectSameAsFfprobe(moovFirst, first);
  });

  it('QuickTime PCM: one entry per chunk, holding every sample, as many bytes as ffprobe reads', async () => {
    const path = await ffmpeg('pcm.mov', [...SOUND, '-c:a', 'pcm_s16le', '-f', 'mov']);
    const index = (await readMp4Index(path))!;
    const track = index.tracks[0]!;
    const packets = await ffprobePackets(path);
    expect(track.codec).toBe('sowt');
    expect(track.sampleCount).toBe(Number((await ffprobeStreams(path))[0]!.nb_frames)); // 96000: one per audio frame
    expect(track.constantSampleSizeBytes).toBe(4);
    expect(track.entryCount).toBeLessThan(100);
    expect(track.entrySamples!.reduce((a, b) => a + b, 0)).toBe(96_000);
    expect(Array.from(track.sizesBytes).reduce((a, b) => a + b, 0)).toBe(packets.reduce((sum, p) => sum + p.size, 0));
    expect(presentation(track, index.movieTimescale).endS).toBeCloseTo(2, 6);
    expect(trackCoverage(track, index.movieTimescale, index.fileSizeBytes).missingSamples).toBe(0);
  });

  it('a file cut inside the last PCM chunk misses only the samples past the end', async () => {
    const path = await ffmpeg('pcm-first.mov', [...SOUND, '-c:a', 'pcm_s16le', '-movflags', '+faststart', '-f', 'mov']);
    const index = (await readMp4Index(path))!;
    const track = index.tracks[0]!;
    const cut = trackCoverage(track, index.movieTimescale, index.fileSizeBytes - 400); // 100 stereo 16-bit frames
    expect(cut.missingSamples).toBe(100);
    expect(cut.missingDurationS).toBeCloseTo(100 / 48_000, 9);
    expect(cut.firstMissingS).toBeCloseTo(2 - 100 / 48_000, 9);
  });

  it('is null for files that are not ISO BMFF', async () => {
    const text = join(folder, 'notes.mp4');
    await writeFile(text, 'These are my lesson notes, not a video.\n');
    expect(await readMp4Index(text)).toBeNull();
    const mkv = await ffmpeg('sound.mkv', [...SOUND, '-c:a', 'pcm_s16le', '-f', 'matroska']);
    expect(await readMp4Index(mkv)).toBeNull();
  });
});

// ---- Hand-built boxes ----

function bytes(...parts: (Uint8Array | string | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p instanceof Uint8Array ? p : new Uint8Array(p)));
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
const u16 = (v: number) => [(v >>> 8) & 255, v & 255];
const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u64 = (v: number) => [...u32(Math.floor(v / 2 ** 32)), ...u32(v % 2 ** 32)];
const zeros = (n: number) => new Uint8Array(n);
const box = (type: string, ...body: (Uint8Array | string | number[])[]) => {
  const inner = bytes(...body);
  return bytes(u32(8 + inner.length), type, inner);
};
/** A full box: version and flags first. */
const full = (type: string, version: number, ...body: (Uint8Array | string | number[])[]) => box(type, [version, 0, 0, 0], ...body);
const table = (type: string, rows: number[][], count = rows.length) => full(type, 0, u32(count), ...rows.map((r) => r.flatMap(u32)));

interface TrackSpec {
  handler?: string;
  /** A whole stsd sample entry (from its size field). */
  entry?: Uint8Array;
  timescale?: number;
  stts: number[][];
  stsc: number[][];
  stsz: Uint8Array;
  chunks: Uint8Array;
  extra?: Uint8Array[];
}

function trak(spec: TrackSpec): Uint8Array {
  const entry = spec.entry ?? box('avc1', zeros(70));
  return box(
    'trak',
    full('tkhd', 0, zeros(8), u32(1), zeros(72)),
    box(
      'mdia',
      full('mdhd', 0, zeros(8), u32(spec.timescale ?? 1000), u32(0), zeros(4)),
      full('hdlr', 0, zeros(4), spec.handler ?? 'vide', zeros(13)),
      box('minf', box('stbl', full('stsd', 0, u32(1), entry), table('stts', spec.stts), table('stsc', spec.stsc), spec.stsz, spec.chunks, ...(spec.extra ?? []))),
    ),
  );
}

const mvhd = full('mvhd', 0, zeros(8), u32(1000), u32(0), zeros(80));
const ftyp = box('ftyp', 'isom', u32(512), 'isom');
const stszTable = (sizes: number[]) => full('stsz', 0, u32(0), u32(sizes.length), ...sizes.map(u32));

async function write(name: string, ...parts: Uint8Array[]): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes(...parts));
  return path;
}

describe('readMp4Index on hand-built boxes', () => {
  it('reads co64 offsets beyond 4 GiB and a size-0 last box ("to the end of the file")', async () => {
    const data = zeros(300);
    const head = ftyp.length;
    const moovFor = (mdatStart: number) =>
      box('moov', mvhd, trak({ stts: [[3, 40]], stsc: [[1, 2, 1]], stsz: stszTable([100, 100, 100]), chunks: full('co64', 0, u32(2), u64(mdatStart), u64(2 ** 32 + 5)) }));
    const moovBytes = moovFor(0).length;
    const mdatStart = head + moovBytes + 8;
    const path = await write('co64.mp4', ftyp, moovFor(mdatStart), bytes(u32(0), 'mdat', data)); // size 0: the last box
    const boxes = (await readTopLevelBoxes(path))!;
    expect(boxes.at(-1)).toEqual({ type: 'mdat', offsetBytes: head + moovBytes, headerBytes: 8, sizeBytes: 8 + data.length });
    const index = (await readMp4Index(path))!;
    const track = index.tracks[0]!;
    expect(Array.from(track.offsetsBytes)).toEqual([mdatStart, mdatStart + 100, 2 ** 32 + 5]);
    expect(Array.from(track.decodeTicks)).toEqual([0, 40, 80]);
    expect(indexedEndBytes(index)).toBe(2 ** 32 + 105);
    // The third sample lies past the end: it is missing, from 0.08 s on.
    const coverage = trackCoverage(track, index.movieTimescale, index.fileSizeBytes);
    expect(coverage).toMatchObject({ missingSamples: 1, firstMissingS: 0.08, endS: 0.12 });
    expect(coverage.missingDurationS).toBeCloseTo(0.04, 9);
  });

  it('reads a 64-bit box size and a moov after it', async () => {
    const data = zeros(200);
    const mdat = bytes(u32(1), 'mdat', u64(16 + data.length), data);
    const moov = box('moov', mvhd, trak({ stts: [[2, 40]], stsc: [[1, 2, 1]], stsz: stszTable([100, 100]), chunks: table('stco', [[ftyp.length + 16]]) }));
    const path = await write('largesize.mp4', ftyp, mdat, moov);
    expect((await readTopLevelBoxes(path))!.map((b) => [b.type, b.headerBytes, b.sizeBytes])).toEqual([
      ['ftyp', 8, ftyp.length],
      ['mdat', 16, mdat.length],
      ['moov', 8, moov.length],
    ]);
    const track = (await readMp4Index(path))!.tracks[0]!;
    expect(Array.from(track.offsetsBytes)).toEqual([ftyp.length + 16, ftyp.length + 116]);
  });

  it('takes the QuickTime sound description over an stsz size of 1 (old QuickTime PCM)', async () => {
    // twos, version 0, 2 channels, 16 bits: 4 bytes a sample whatever stsz says.
    const entry = box('twos', zeros(6), u16(1), u16(0), u16(0), zeros(4), u16(2), u16(16), zeros(4), u32(48_000 * 65536));
    const stsz = full('stsz', 0, u32(1), u32(2048));
    const moov = box('moov', mvhd, trak({ handler: 'soun', entry, timescale: 48_000, stts: [[2048, 1]], stsc: [[1, 1024, 1]], stsz, chunks: table('stco', [[100], [100 + 4096]]) }));
    const path = await write('twos.mov', box('wide'), moov, box('mdat', zeros(8192)));
    const track = (await readMp4Index(path))!.tracks[0]!;
    expect(track.constantSampleSizeBytes).toBe(4);
    expect(Array.from(track.sizesBytes)).toEqual([4096, 4096]);
    expect(Array.from(track.entrySamples!)).toEqual([1024, 1024]);
    expect(Array.from(track.decodeTicks, (_, s) => entryDurationTicks(track, s))).toEqual([1024, 1024]);
    expect(track.decodeEndTicks).toBe(2048);
  });

  const minimalTrack = (over: Partial<TrackSpec>) =>
    box('moov', mvhd, trak({ stts: [[2, 40]], stsc: [[1, 2, 1]], stsz: stszTable([10, 10]), chunks: table('stco', [[0]]), ...over }));

  it('reads the well-formed track the hostile ones below are variations of', async () => {
    const path = await write('minimal.mp4', ftyp, minimalTrack({}), box('mdat', zeros(20)));
    const track = (await readMp4Index(path))!.tracks[0]!;
    expect(Array.from(track.sizesBytes)).toEqual([10, 10]);
    expect(Array.from(track.offsetsBytes)).toEqual([0, 10]);
  });

  it.each([
    ['an stsz claiming 2^32-1 samples in a 20-byte box', { stsz: full('stsz', 0, u32(0), u32(0xffffffff)) }],
    ['an stco claiming 2^32-1 chunks', { chunks: full('stco', 0, u32(0xffffffff), u32(0)) }],
    ['an stts with fewer durations than samples', { stts: [[1, 40]] }],
    ['an stsc that leaves samples without a chunk', { stsc: [[1, 1, 1]] }],
    ['an stsc that does not start at chunk 1', { stsc: [[2, 2, 1]] }],
    ['an stss naming a sample that does not exist', { extra: [table('stss', [[3]])] }],
    ['a ctts claiming 2^32-1 entries', { extra: [full('ctts', 0, u32(0xffffffff))] }],
  ])('is null, not an exception or an allocation, for %s', async (_, over) => {
    const before = process.memoryUsage().arrayBuffers;
    const path = await write('hostile.mp4', ftyp, minimalTrack(over), box('mdat', zeros(20)));
    expect(await readMp4Index(path)).toBeNull();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('a constant sample size claiming 2^32-1 samples costs one entry per chunk, not one per sample', async () => {
    const moov = minimalTrack({ stsz: full('stsz', 0, u32(1), u32(0xffffffff)), stts: [[0xffffffff, 1]], stsc: [[1, 0xffffffff, 1]] });
    const path = await write('claims.mp4', ftyp, moov, box('mdat', zeros(20)));
    const index = (await readMp4Index(path))!;
    const track = index.tracks[0]!;
    expect(track.sampleCount).toBe(0xffffffff);
    expect(track.entryCount).toBe(1);
    // All but the bytes the file has are missing.
    expect(trackCoverage(track, index.movieTimescale, index.fileSizeBytes).missingSamples).toBe(0xffffffff - index.fileSizeBytes);
  });

  it('is null for a moov that the end of the file cuts, and readTopLevelBoxes shows the cut', async () => {
    const moov = minimalTrack({});
    const path = await write('cut-moov.mp4', ftyp, box('mdat', zeros(20)), moov.subarray(0, moov.length - 10));
    expect(await readMp4Index(path)).toBeNull();
    const last = (await readTopLevelBoxes(path))!.at(-1)!;
    expect(last.type).toBe('moov');
    expect(last.offsetBytes + last.sizeBytes).toBe(ftyp.length + 28 + moov.length);
  });

  it('is null for a child box larger than its parent, and for fragmented files says so', async () => {
    const broken = bytes(box('moov', mvhd, u32(9999), 'trak', zeros(8)));
    expect(await readMp4Index(await write('broken.mp4', ftyp, broken))).toBeNull();
    const fragmented = box('moov', mvhd, box('mvex', full('trex', 0, zeros(20))));
    const index = (await readMp4Index(await write('fragmented.mp4', ftyp, fragmented, box('moof'), box('mdat'))))!;
    expect(index.fragmented).toBe(true);
  });
});
