import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeMedia } from '@courseware-check/checker-core';
import { AAC, H264, MEDIA_CACHE, makeMedia, testPicture, testSound } from './helpers/media.js';

/**
 * `--quick` reads an MP4 / QuickTime file's packets from its `moov` index instead of scanning them
 * (probe/index-packets.ts), and for H.264 with AAC-LC its streams too instead of asking ffprobe
 * (probe/index-streams.ts). Here, on every kind of file the tests make, the facts from the index
 * are the facts from ffprobe and the packet scan, field for field: so every verdict is the same.
 */
const MEDIA_KINDS: Record<string, () => Promise<string>> = {
  // The files the rule tests make (the same arguments, so the same cached files).
  'H.264 + AAC, index at the end': () => makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]),
  'H.264 + AAC, faststart': async () => makeMedia('faststart.mp4', ['-i', await MEDIA_KINDS['H.264 + AAC, index at the end']!(), '-c', 'copy', '-movflags', '+faststart']),
  '29.97 fps': () => makeMedia('fps2997.mp4', [...testPicture({ fps: '30000/1001' }), ...testSound(), ...H264, ...AAC]),
  '30 fps': () => makeMedia('fps30.mp4', [...testPicture({ fps: '30' }), ...testSound(), ...H264, ...AAC]),
  'VFR, 1 ms time base (the last frame past the edit list)': () =>
    makeMedia('vfr.mp4', [...testPicture(), ...testSound(), '-vf', 'settb=1/1000,setpts=N/25/TB+if(mod(N\\,2)\\,0.01/TB\\,0)', '-vsync', 'vfr', '-r', '1000', ...H264, ...AAC]),
  'dropped frames': () => makeMedia('dropped.mp4', [...testPicture(), ...testSound(), '-vf', "select='not(between(n\\,20\\,22))'", '-vsync', 'vfr', ...H264, ...AAC]),
  'MPEG-4 part 2': () => makeMedia('mpeg4.mp4', [...testPicture(), ...testSound(), '-c:v', 'mpeg4', '-q:v', '2', ...AAC]),
  'anamorphic': () => makeMedia('anamorphic.mp4', [...testPicture({ size: '1440x1080' }), ...testSound(), '-vf', 'setsar=4/3', ...H264, ...AAC]),
  'rotated (stream copy)': async () => makeMedia('rotated.mp4', ['-i', await MEDIA_KINDS['H.264 + AAC, index at the end']!(), '-c', 'copy', '-metadata:s:v:0', 'rotate=90']),
  'mono 44.1 kHz': () => makeMedia('mono-44k.mp4', [...testPicture(), ...testSound({ rateHz: 44100, channels: 1 }), ...H264, '-c:a', 'aac', '-b:a', '96k']),
  'no audio': () => makeMedia('silent.mp4', [...testPicture(), ...H264]),
  'audio only (AAC priming in stream 0)': () => makeMedia('clean.mp4', ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=4', '-c:a', 'aac', '-b:a', '192k']),
  'audio late (an empty edit)': () => makeMedia('audio-late.mp4', [...testPicture(), '-itsoffset', '0.3', ...testSound(), '-map', '0:v', '-map', '1:a', '-t', '4', ...H264, ...AAC]),
  'QuickTime, AAC': () => makeMedia('quicktime.mov', [...testPicture(), ...testSound(), ...H264, ...AAC]),
  'QuickTime, PCM s16le': () => makeMedia('pcm.mov', [...testPicture(), ...testSound(), ...H264, '-c:a', 'pcm_s16le']),
  'mov_text subtitles in the file': async () => {
    const video = await MEDIA_KINDS['H.264 + AAC, index at the end']!();
    const srt = join(MEDIA_CACHE, 'index-facts.srt');
    await mkdir(MEDIA_CACHE, { recursive: true });
    await writeFile(srt, '1\n00:00:00,500 --> 00:00:01,800\n欢迎来到本课程。\n');
    return makeMedia('index-facts-embedded.mp4', ['-i', video, '-f', 'srt', '-i', srt, '-map', '0', '-map', '1', '-c', 'copy', '-c:s', 'mov_text']);
  },
  // Kinds only this test makes.
  'B-frames (x264 medium: composition offsets, a video edit list)': () =>
    makeMedia('bframes.mp4', [...testPicture({ durationS: 6 }), ...testSound({ durationS: 6 }), '-c:v', 'libx264', '-preset', 'medium', '-g', '50', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC]),
  'B-frames, faststart': async () => makeMedia('bframes-faststart.mp4', ['-i', await MEDIA_KINDS['B-frames (x264 medium: composition offsets, a video edit list)']!(), '-c', 'copy', '-movflags', '+faststart']),
  'B-frames, no edit list (AAC priming not marked)': () =>
    makeMedia('no-edit-list.mp4', [...testPicture(), ...testSound(), '-c:v', 'libx264', '-preset', 'medium', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC, '-use_editlist', '0']),
  'cut by stream copy at 1.3 s (edit starts between keyframes: frames and audio kept back and discarded)': async () =>
    makeMedia('cut-start.mp4', ['-ss', '1.3', '-i', await MEDIA_KINDS['B-frames (x264 medium: composition offsets, a video edit list)']!(), '-c', 'copy']),
  'cut by stream copy at both ends': async () =>
    makeMedia('cut-both.mp4', ['-ss', '1.3', '-i', await MEDIA_KINDS['B-frames (x264 medium: composition offsets, a video edit list)']!(), '-t', '2.5', '-c', 'copy']),
  'cut by stream copy at the end (frames past the edit)': async () =>
    makeMedia('cut-end.mp4', ['-i', await MEDIA_KINDS['B-frames (x264 medium: composition offsets, a video edit list)']!(), '-t', '3.3', '-c', 'copy']),
  'video late (an empty edit before B-frames)': async () => {
    const source = await MEDIA_KINDS['B-frames (x264 medium: composition offsets, a video edit list)']!();
    return makeMedia('video-late.mp4', ['-itsoffset', '0.4', '-i', source, '-i', source, '-map', '0:v', '-map', '1:a', '-c', 'copy']);
  },
  'HEVC with B-frames': () =>
    makeMedia('hevc.mp4', [...testPicture({ size: '320x240' }), ...testSound(), '-c:v', 'libx265', '-preset', 'fast', '-x265-params', 'log-level=error:pools=1:frame-threads=1', '-pix_fmt', 'yuv420p', ...AAC]),
  'QuickTime, PCM s24le (sound description version 1)': () => makeMedia('pcm24.mov', [...testPicture(), ...testSound(), ...H264, '-c:a', 'pcm_s24le']),
  'QuickTime, PCM s16be mono': () => makeMedia('pcm16be-mono.mov', [...testPicture(), ...testSound({ channels: 1 }), ...H264, '-c:a', 'pcm_s16be']),
  'QuickTime, PCM only': () => makeMedia('pcm-only.mov', [...testSound(), '-c:a', 'pcm_s16le']),
  '1080p (the SPS crops 1088 coded lines), 44.1 kHz mono at 64 kb/s': () =>
    makeMedia('index-1080p.mp4', [...testPicture({ size: '1920x1080', durationS: 2 }), ...testSound({ rateHz: 44100, channels: 1, durationS: 2 }), ...H264, '-c:a', 'aac', '-b:a', '64k']),
  'High profile, 29.97 fps, faststart': () =>
    makeMedia('index-high.mp4', [...testPicture({ fps: '30000/1001', durationS: 3 }), ...testSound({ durationS: 3 }), '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC, '-movflags', '+faststart']),
  'Baseline profile': () =>
    makeMedia('index-baseline.mp4', [...testPicture({ durationS: 2 }), ...testSound({ durationS: 2 }), '-c:v', 'libx264', '-preset', 'ultrafast', '-profile:v', 'baseline', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC]),
  '22.05 kHz AAC (may hide SBR: ffprobe is asked)': () =>
    makeMedia('index-22k.mp4', [...testPicture({ durationS: 2 }), ...testSound({ rateHz: 22050, durationS: 2 }), ...H264, ...AAC]),
};

/**
 * The kinds whose streams the index gives (`streams: 'index'`); the others go to ffprobe, each for a
 * reason `index-streams.ts` names: another codec, a QuickTime sound description, a rate that may
 * hide SBR, variable frame timing, another track, pictures kept back by a cut.
 */
const STREAMS_FROM_INDEX = new Set([
  'H.264 + AAC, index at the end',
  'H.264 + AAC, faststart',
  '29.97 fps',
  '30 fps',
  'anamorphic',
  'rotated (stream copy)',
  'mono 44.1 kHz',
  'no audio',
  'audio only (AAC priming in stream 0)',
  'audio late (an empty edit)',
  'B-frames (x264 medium: composition offsets, a video edit list)',
  'B-frames, faststart',
  'B-frames, no edit list (AAC priming not marked)',
  'video late (an empty edit before B-frames)',
  'cut by stream copy at the end (frames past the edit)',
  '1080p (the SPS crops 1088 coded lines), 44.1 kHz mono at 64 kb/s',
  'High profile, 29.97 fps, faststart',
  'Baseline profile',
]);

/** Kinds the index does not give, by design: they are scanned, and `auto` gives the scan's facts. */
const SCANNED_KINDS: Record<string, () => Promise<string>> = {
  'Matroska': () => makeMedia('matroska.mkv', [...testPicture(), ...testSound(), ...H264, ...AAC]),
  'negative composition offsets (ctts version 1)': () =>
    makeMedia('negative-cts.mp4', [...testPicture(), ...testSound(), '-c:v', 'libx264', '-preset', 'medium', '-pix_fmt', 'yuv420p', '-threads', '1', ...AAC, '-movflags', '+negative_cts_offsets']),
  'MP3 in MP4 (a parser splits its packets)': () => makeMedia('mp3.mp4', [...testPicture(), ...testSound(), ...H264, '-c:a', 'libmp3lame', '-b:a', '128k']),
};

const SAMPLE_MEDIA = fileURLToPath(new URL('../sample-media', import.meta.url));
const samples = readdirSync(SAMPLE_MEDIA).filter((name) => /\.(mp4|mov)$/.test(name));

describe('the facts from the MP4 index are the facts from the packet scan', () => {
  for (const [kind, make] of Object.entries(MEDIA_KINDS)) {
    it(kind, async () => {
      const path = await make();
      const scanned = await probeMedia(path, {}, { packets: 'scan', streams: 'ffprobe' });
      const indexed = await probeMedia(path, {}, { packets: 'index', streams: 'ffprobe' });
      expect(indexed).toEqual(scanned);
      expect(await probeMedia(path)).toEqual(scanned);
      if (STREAMS_FROM_INDEX.has(kind)) expect(await probeMedia(path, {}, { packets: 'index', streams: 'index' })).toEqual(scanned);
      else await expect(probeMedia(path, {}, { streams: 'index' })).rejects.toThrow(/index cannot give the streams/);
    });
  }
  for (const name of samples) {
    it(`sample-media/${name}`, async () => {
      const path = join(SAMPLE_MEDIA, name);
      const scanned = await probeMedia(path, {}, { packets: 'scan', streams: 'ffprobe' });
      expect(await probeMedia(path, {}, { packets: 'index', streams: 'ffprobe' })).toEqual(scanned);
      expect(await probeMedia(path)).toEqual(scanned);
    });
  }
});

describe('files the index does not give are scanned', () => {
  for (const [kind, make] of Object.entries(SCANNED_KINDS)) {
    it(kind, async () => {
      const path = await make();
      await expect(probeMedia(path, {}, { packets: 'index' })).rejects.toThrow(/index cannot give/);
      expect(await probeMedia(path)).toEqual(await probeMedia(path, {}, { packets: 'scan', streams: 'ffprobe' }));
    });
  }
});
