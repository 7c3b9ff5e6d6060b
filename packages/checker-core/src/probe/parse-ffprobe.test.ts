import { describe, expect, it } from 'vitest';
import type { FfprobeStream } from './ffprobe.js';
import type { StreamPackets } from './packets.js';
import { parseAudioFacts, parseRational, parseVideoFacts } from './parse-ffprobe.js';

// Recorded from ffprobe 4.0.2 (`-show_streams -of json`) on files made with the bundled ffmpeg.
const rotatedVideo: FfprobeStream = {
  index: 0, codec_type: 'video', codec_name: 'h264', profile: 'High', width: 1920, height: 1080,
  sample_aspect_ratio: '1:1', r_frame_rate: '25/1', time_base: '1/12800', start_time: '0.000000', duration: '4.000000',
  tags: { rotate: '90', language: 'und' },
  side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
};
const primedAudio: FfprobeStream = {
  index: 1, codec_type: 'audio', codec_name: 'aac', profile: 'LC', sample_rate: '48000', channels: 2,
  channel_layout: 'stereo', time_base: '1/48000', start_time: '0.278000', duration: '4.012000', bit_rate: '77697',
};
const packets = (over: Partial<StreamPackets>): StreamPackets => ({
  count: 100, totalBytes: 500_000, ptsTicks: [], dtsTicks: [], keyframes: [], endTicks: null, firstPtsTicks: 0, firstDiscarded: false, discardedCount: 0, ...over,
});

describe('parseVideoFacts', () => {
  it('swaps the displayed sides for a 90° rotation of a 1920×1080 picture', () => {
    const video = parseVideoFacts(rotatedVideo, packets({}));
    expect([video.rotationDeg, video.displayWidth, video.displayHeight]).toEqual([90, 1080, 1920]);
  });
  it('applies the sample aspect ratio: anamorphic 1440×1080 at 4:3 SAR shows 1920×1080', () => {
    const video = parseVideoFacts({ ...rotatedVideo, tags: {}, side_data_list: [], width: 1440, sample_aspect_ratio: '4:3' }, packets({}));
    expect([video.displayWidth, video.displayHeight]).toEqual([1920, 1080]);
  });
  it('measures the bit rate from packet sizes when the container states none', () => {
    const video = parseVideoFacts({ ...rotatedVideo, bit_rate: undefined }, packets({ totalBytes: 500_000 }));
    expect(video.statedBitrateBps).toBeNull();
    expect(video.measuredBitrateBps).toBe(1_000_000);
  });
});

describe('parseAudioFacts', () => {
  it('adds AAC priming that no edit list removed to the start', () => {
    const audio = parseAudioFacts(primedAudio, packets({ firstDiscarded: false }));
    expect(audio.uncompensatedPrimingS).toBeCloseTo(1024 / 48000, 6);
    expect(audio.startS).toBeCloseTo(0.278 + 1024 / 48000, 6);
  });
  it('trusts the start when the priming packet is flagged for discard', () => {
    const audio = parseAudioFacts({ ...primedAudio, start_time: '0.000000' }, packets({ firstDiscarded: true }));
    expect(audio.startS).toBe(0);
  });
});

describe('parseRational', () => {
  it('reads ffprobe fractions and ratios', () => {
    expect(parseRational('30000/1001')).toBeCloseTo(29.97003, 5);
    expect(parseRational('4:3')).toBeCloseTo(4 / 3);
    expect(parseRational('0/0')).toBeNull();
  });
});
