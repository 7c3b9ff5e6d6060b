import type { TimeRange, ChannelBalance, ClippingResult, HumAssessment, LoudnessResult, SnrEstimate, VoiceBalance, Bandwidth, FrameStats, DecodedText, Cue, ParseProblem } from './measurements.js';

/**
 * MediaFacts: the one shape that probes fill and rules read.
 * Every number carries its unit in its name. `null` means "not known", never "zero".
 */

export type { TimeRange };

export interface ContainerFacts {
  /** What the leading bytes say, whatever the file is called. */
  signature: 'iso-bmff' | 'quicktime' | 'matroska' | 'other';
  /** `ftyp` major brand, e.g. `isom`, `mp42`, `qt  `. */
  majorBrand: string | null;
  compatibleBrands: string[];
  /** ffprobe's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  /** Bit rate the container states for the whole file. */
  statedBitrateBps: number | null;
}

export interface Chapter {
  title: string;
  startS: number;
  endS: number;
}

/** Frame timing read from the demuxed packets of the first video stream (no decoding). */
export interface VideoTiming {
  frameCount: number;
  /** The most common frame duration (the longer one on a tie), in seconds. */
  nominalFrameDurationS: number | null;
  nominalFps: number | null;
  /** Frame durations that are not whole multiples of the nominal one (±1 tick). */
  irregularFrames: TimingEvent[];
  irregularFrameCount: number;
  /** Gaps of whole missing frames. */
  droppedFrames: TimingEvent[];
  droppedFrameCount: number;
  /** Frames sharing a presentation time with another frame. */
  duplicateFrames: TimingEvent[];
  duplicateFrameCount: number;
  /** Packets whose decode time does not increase. */
  outOfOrderFrames: TimingEvent[];
  outOfOrderFrameCount: number;
}

export interface TimingEvent {
  atS: number;
  /** Duration of the interval that ends at this frame, in seconds. */
  intervalS: number;
  /** For dropped frames: how many frame slots are empty. */
  missingFrames?: number;
}

export interface VideoFacts {
  streamIndex: number;
  codec: string;
  profile: string | null;
  codedWidth: number;
  codedHeight: number;
  sampleAspectRatio: number;
  /** Clockwise rotation the player applies (display matrix / rotate tag), in degrees. */
  rotationDeg: number;
  displayWidth: number;
  displayHeight: number;
  /** Frame rate the container states (`r_frame_rate`), for reference only. */
  statedFps: number | null;
  startS: number;
  durationS: number | null;
  endS: number | null;
  /** Sum of packet sizes over the stream's duration. */
  measuredBitrateBps: number | null;
  statedBitrateBps: number | null;
  timing: VideoTiming;
  /** Presentation time of every frame, sorted (bulk: left out of the JSON report). */
  frameTimesS: Float64Array;
  /** Where a decode can start other than at the first frame (left out of the JSON report). */
  seekIndex: SeekIndex;
}

export interface SeekIndex {
  /** The keyframes' presentation times, in decode order. */
  keyframeTimesS: Float64Array;
  /** Their decode times, as the demuxer reads them. */
  keyframeDecodeTimesS: Float64Array;
  /** Packets flagged for discard (kept back for an edit list: decoded, never shown). */
  discardedPacketCount: number;
}

export interface AudioFacts {
  streamIndex: number;
  codec: string;
  profile: string | null;
  sampleRateHz: number;
  channels: number;
  channelLayout: string | null;
  /** Programme start: first sample after edit lists and encoder priming. */
  startS: number;
  /** Encoder priming that the container did not mark for discard, in seconds. */
  uncompensatedPrimingS: number;
  durationS: number | null;
  endS: number | null;
  measuredBitrateBps: number | null;
  statedBitrateBps: number | null;
  packetCount: number;
}

export interface SyncFacts {
  /** Audio start minus video start, in ms; positive = audio late. */
  startOffsetMs: number;
  /** Audio end minus video end, in ms; positive = audio ends late. */
  endOffsetMs: number | null;
}

export interface SubtitleStreamFacts {
  streamIndex: number;
  codec: string;
  language: string | null;
}

export interface MediaFacts {
  /** A media file, or a subtitle file checked on its own (then only subtitle rules run). */
  kind: 'media' | 'subtitle';
  sizeBytes: number;
  durationS: number | null;
  container: ContainerFacts;
  video: VideoFacts | null;
  /** The first audio stream; the one every audio rule judges. */
  audio: AudioFacts | null;
  audioStreamCount: number;
  subtitleStreams: SubtitleStreamFacts[];
  chapters: Chapter[];
  sync: SyncFacts | null;
  /** Sidecar subtitle files and subtitle streams inside the file, read and parsed. */
  subtitles: SubtitleTrack[];
  /** Sidecars and subtitle streams that could not be read (subtitle.present names them). */
  unreadableSubtitles?: UnreadableSubtitle[];
  /** Measurements of the decoded audio; absent when no enabled rule needs them (`--quick`). */
  audioAnalysis?: AudioAnalysis;
  /** Measurements of the decoded pictures; absent when no enabled rule needs them (`--quick`). */
  videoAnalysis?: VideoAnalysis;
  /** Opening and closing passages this file shares with other lessons in its folder (set after a batch). */
  sharedPassages?: SharedPassages;
}

/** A passage of sound found at the same place in several files of one folder: their common intro or outro. */
export interface SharedPassages {
  intro?: { durationS: number; sharedWith: string };
  outro?: { durationS: number; sharedWith: string };
}

/** What the decoder reported as damage in one stream (RULES.md, file.integrity). */
export interface StreamDamage {
  /** Error lines the decoder printed. */
  errorCount: number;
  /** Where the errors were, approximately (the decoder runs a few frames ahead of its output), s; at most 1000. */
  atS: number[];
  /** The first error, in the decoder's words. */
  firstError: string | null;
}

/** What one decode of the first video stream measured (analyze/video): a few numbers per frame. */
export interface VideoAnalysis {
  frameCount: number;
  damage: StreamDamage;
  analysisWidth: number;
  analysisHeight: number;
  /** Bulk: left out of the JSON report. */
  frames: FrameStats;
}

export interface UnreadableSubtitle {
  path: string;
  /** Why, in one line (never the file's content). */
  message: string;
}

/** One subtitle track: a sidecar file or a stream inside the media file. */
export interface SubtitleTrack {
  /** The sidecar's path, or `MEDIA#stream:N` for a stream inside the file. */
  path: string;
  source: 'sidecar' | 'embedded';
  format: 'srt' | 'vtt';
  /** From the file name (`01.zh.srt` → `zh`) or the stream's language tag. */
  languageTag: string | null;
  encoding: Omit<DecodedText, 'text'>;
  cueCount: number;
  /** Left out of the JSON report, which gives `cueCount`. */
  cues: Cue[];
  /** Malformed cues and stray lines, with their line numbers. */
  problems: ParseProblem[];
}

/** What one decode of the first audio stream measured (analyze/audio). */
export interface AudioAnalysis {
  decodedDurationS: number;
  damage: StreamDamage;
  sampleRateHz: number;
  channels: number;
  /**
   * `noiseUnderBed`: the pauses hold a bed that moves (music), so the noise is the steady floor
   * beneath it (minimum statistics per band), not the level of the pauses.
   */
  snr: SnrEstimate & { pausesAreDigitalSilence: boolean; noiseUnderBed: boolean };
  voiceBalance: VoiceBalance;
  bandwidth: Bandwidth;
  hum: HumAssessment;
  /** `peakDbfs` is null for a stream of exact zeros. */
  clipping: Omit<ClippingResult, 'peakDbfs'> & { peakDbfs: number | null };
  loudness: LoudnessResult;
  /** `levelsDbfs` entries are null for a channel of exact zeros. */
  channelBalance: Omit<ChannelBalance, 'levelsDbfs'> & { levelsDbfs: (number | null)[] };
  /** Mono level every `stepS` (100 ms), dBFS RMS; −Infinity for exact zeros (bulk: left out of the JSON report). */
  levelTrack: { stepS: number; levelsDbfs: Float64Array };
  /** K-weighted (BS.1770) level every 100 ms, LUFS: with `levelTrack`, a fingerprint of the sound (bulk). */
  loudnessTrack: Float64Array;
}
