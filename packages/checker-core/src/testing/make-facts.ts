import type { FrameStats } from '../analyze/video/frame-stats.js';
import { emptyTiming } from '../probe/timing.js';
import type { AudioAnalysis, AudioFacts, MediaFacts, StreamDamage, SubtitleTrack, VideoFacts, VideoTiming } from '../facts/facts.js';

/** Facts of a file that passes every metadata rule; tests override what they study. */
export function makeFacts(overrides: Partial<Omit<MediaFacts, 'video' | 'audio'>> & { video?: Partial<VideoFacts> | null; audio?: Partial<AudioFacts> | null } = {}): MediaFacts {
  const { video, audio, ...rest } = overrides;
  return {
    kind: 'media',
    sizeBytes: 80_000_000,
    durationS: 600,
    container: { signature: 'iso-bmff', majorBrand: 'isom', compatibleBrands: ['isom', 'iso2', 'avc1', 'mp41'], formatName: 'mov,mp4,m4a,3gp,3g2,mj2', statedBitrateBps: 1_200_000 },
    video: video === null ? null : makeVideo(video),
    audio: audio === null ? null : makeAudio(audio),
    audioStreamCount: audio === null ? 0 : 1,
    subtitleStreams: [],
    chapters: [],
    subtitles: [],
    sync: video === null || audio === null ? null : { startOffsetMs: 0, endOffsetMs: 0 },
    ...rest,
  };
}

export function makeTiming(overrides: Partial<VideoTiming> = {}): VideoTiming {
  return { ...emptyTiming(15000), nominalFrameDurationS: 0.04, nominalFps: 25, ...overrides };
}

function makeVideo(overrides: Partial<VideoFacts> = {}): VideoFacts {
  return {
    streamIndex: 0,
    codec: 'h264',
    profile: 'High',
    codedWidth: 1920,
    codedHeight: 1080,
    sampleAspectRatio: 1,
    rotationDeg: 0,
    displayWidth: 1920,
    displayHeight: 1080,
    statedFps: 25,
    startS: 0,
    durationS: 600,
    endS: 600,
    measuredBitrateBps: 1_000_000,
    statedBitrateBps: 1_000_000,
    timing: makeTiming(),
    frameTimesS: new Float64Array(0),
    seekIndex: { keyframeTimesS: new Float64Array(0), keyframeDecodeTimesS: new Float64Array(0), discardedPacketCount: 0 },
    ...overrides,
  };
}

function makeAudio(overrides: Partial<AudioFacts> = {}): AudioFacts {
  return {
    streamIndex: 1,
    codec: 'aac',
    profile: 'LC',
    sampleRateHz: 48000,
    channels: 2,
    channelLayout: 'stereo',
    startS: 0,
    uncompensatedPrimingS: 0,
    durationS: 600,
    endS: 600,
    measuredBitrateBps: 192_000,
    statedBitrateBps: 192_000,
    packetCount: 28125,
    ...overrides,
  };
}

/** A stream that decoded cleanly. */
export const NO_DAMAGE: StreamDamage = { errorCount: 0, atS: [], firstError: null };

export type AudioAnalysisOverrides = { [K in keyof AudioAnalysis]?: Partial<AudioAnalysis[K]> };

/** Audio measurements of a clean, balanced, steady narration; tests override what they study. */
export function makeAudioAnalysis(overrides: AudioAnalysisOverrides = {}): AudioAnalysis {
  const base: AudioAnalysis = {
    decodedDurationS: 600,
    damage: NO_DAMAGE,
    sampleRateHz: 48000,
    channels: 2,
    snr: { speechLevelDbfs: -18, noiseLevelDbfs: -80, snrDb: 62, frameCount: 59999, digitalSilenceFrames: 0, pausesAreDigitalSilence: false, noiseUnderBed: false },
    voiceBalance: { speechLufs: -20, bedLufs: -75, differenceLu: 55, pauseS: 90, bedSpreadDb: 1, bed: 'steady' },
    bandwidth: { highBelowSpeechDb: -20, speechS: 400 },
    hum: { pauses: 180, strongest: null },
    clipping: { peakDbfs: -3, clippedRuns: 0, overshootSamples: 0, ranges: [], rangeCount: 0 },
    loudness: { integratedLufs: -20, loudnessRangeLu: 4, shortTermMedianLufs: -20, maxShortTermLufs: -16, swings: [] },
    channelBalance: { levelsDbfs: [-21, -21], differenceDb: 0, activeFrames: 40000 },
    levelTrack: { stepS: 0.1, levelsDbfs: new Float64Array(0) },
    loudnessTrack: new Float64Array(0),
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = base[key as keyof AudioAnalysis];
    merged[key] = typeof current === 'object' && current !== null ? { ...current, ...(value as object) } : value;
  }
  return merged as unknown as AudioAnalysis;
}

/** A parsed UTF-8 SRT sidecar with the given cues' lines, one second each from 0 s. */
export function makeTrack(cueLines: string[][], overrides: Partial<SubtitleTrack> = {}): SubtitleTrack {
  const cues = cueLines.map((lines, i) => ({ index: i + 1, startS: i, endS: i + 0.9, lines, lineNumber: 4 * i + 2 }));
  return {
    path: 'lesson.srt',
    source: 'sidecar',
    format: 'srt',
    languageTag: null,
    encoding: { encoding: 'utf-8', bom: false, validUtf8: true, confidence: 1 },
    cueCount: cues.length,
    cues,
    problems: [],
    ...overrides,
  };
}

/** Frame stats of `count` frames at 25 fps: mid-grey, still, nothing neutral; tests override columns. */
export function makeFrames(count: number, columns: Partial<Record<Exclude<keyof FrameStats, 'count'>, ArrayLike<number>>> = {}): FrameStats {
  const filled = (value: number) => new Float32Array(count).fill(value);
  const frames: FrameStats = {
    count,
    timeS: Float64Array.from({ length: count }, (_, i) => i * 0.04),
    yMean: filled(128), uMean: filled(128), vMean: filled(128), diff: filled(0), cut: filled(0),
    neutralShare: filled(0), neutralU: filled(0), neutralV: filled(0),
    blockDiffMax: filled(0), shiftXOfWidth: filled(0), shiftYOfWidth: filled(0),
  };
  for (const [key, values] of Object.entries(columns)) {
    if (key === 'timeS') frames.timeS = Float64Array.from(values);
    else frames[key as Exclude<keyof FrameStats, 'count' | 'timeS'>] = Float32Array.from(values);
  }
  return frames;
}

export function withFrames(frames: FrameStats, overrides: Parameters<typeof makeFacts>[0] = {}): MediaFacts {
  return makeFacts({ durationS: frames.count * 0.04, ...overrides, videoAnalysis: { frameCount: frames.count, damage: NO_DAMAGE, analysisWidth: 64, analysisHeight: 36, frames } });
}
