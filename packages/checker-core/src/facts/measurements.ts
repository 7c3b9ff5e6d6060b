/**
 * The measurements inside MediaFacts, as types: what the analysis passes and the subtitle reader
 * produce and what rules read. They live here so that the facts import nothing.
 */

/** A stretch of the programme, in seconds from its start. */
export interface TimeRange {
  start: number;
  end: number;
}

export interface ChannelBalance {
  /** Mean level of each channel over active speech, dBFS (RMS); −Infinity for exact zeros. */
  levelsDbfs: number[];
  /** Front left minus front right, dB. */
  differenceDb: number | null;
  activeFrames: number;
}

export interface ClippingResult {
  /** Largest |sample| of the decoded float stream, dBFS (may exceed 0). */
  peakDbfs: number;
  /** Runs of ≥ `minRun` consecutive samples at |x| ≥ `threshold` in one channel. */
  clippedRuns: number;
  /** Samples above full scale (|x| > 1), which only a float decode can show. */
  overshootSamples: number;
  /** Where either happens, merged when closer than 0.1 s; the first 100. */
  ranges: TimeRange[];
  rangeCount: number;
}

export interface HumDetection {
  mainsHz: number;
  /** The strongest harmonic's frequency and its median level over the pauses with hum. */
  frequencyHz: number;
  levelDbfs: number;
  /** Median height of the tone above the spectrum beside it, dB. */
  prominenceDb: number;
  pausesWithHum: number;
  pauses: number;
  /** The pause windows where the tone stands out. */
  windowStartsS: number[];
}

export interface HumAssessment {
  pauses: number;
  /** The mains frequency heard in the most pauses; null when no pause has a tone over the thresholds. */
  strongest: HumDetection | null;
}

export interface LoudnessSwing {
  start: number;
  end: number;
  /** The 10 s median furthest from the file's median, and by how much (LU, signed). */
  medianLufs: number;
  deviationLu: number;
}

export interface LoudnessResult {
  integratedLufs: number | null;
  loudnessRangeLu: number | null;
  /** Median of the short-term loudness values kept (see `assessLoudness`). */
  shortTermMedianLufs: number | null;
  maxShortTermLufs: number | null;
  swings: LoudnessSwing[];
}

export interface SnrEstimate {
  /** 95th percentile of 20 ms frame power above the trough, dBFS (RMS). */
  speechLevelDbfs: number | null;
  /** The noise mode of the frame-power histogram, dBFS (RMS). */
  noiseLevelDbfs: number | null;
  snrDb: number | null;
  frameCount: number;
  /** 20 ms frames of exact zeros, left out of the histogram. */
  digitalSilenceFrames: number;
}

/**
 * The narration against the bed under it (RULES.md, audio.voice-balance): K-weighted loudness of
 * the programme while the narrator speaks and of the bed alone in the pauses between utterances.
 */
export interface VoiceBalance {
  speechLufs: number | null;
  /** Null when the pauses are exact zeros or there are none. */
  bedLufs: number | null;
  differenceLu: number | null;
  /** Total length of the pauses between utterances measured, s. */
  pauseS: number;
  /** 10th to 90th percentile of the pauses' 100 ms levels, dB: under 3 dB the bed is a steady floor. */
  bedSpreadDb: number | null;
  /** What the pauses hold: exact zeros, a steady floor (noise), a bed that moves (music, ambience), or no pause was found. */
  bed: 'silent' | 'steady' | 'moving' | 'none';
}

/** Over active speech, the energy above 4 kHz against the energy from 300 Hz to 4 kHz (RULES.md, audio.bandwidth). */
export interface Bandwidth {
  /** 10·log10(energy above 4 kHz / energy 300 Hz–4 kHz), dB; null without speech. */
  highBelowSpeechDb: number | null;
  /** Active speech measured, s. */
  speechS: number;
}

/** Per decoded frame, in presentation order: a few numbers each, whatever the picture size. */
export interface FrameStats {
  count: number;
  /** Presentation time of each frame, seconds (from the packet scan). */
  timeS: Float64Array;
  /** Mean luma and chroma, 8-bit code values. */
  yMean: Float32Array;
  uMean: Float32Array;
  vMean: Float32Array;
  /** Mean absolute luma difference to the previous frame (0 for the first). */
  diff: Float32Array;
  /** Histogram distance to the previous frame, 0 (same) to 1 (disjoint): shot cuts. */
  cut: Float32Array;
  /** Share of near-neutral pixels, and their mean chroma offsets from neutral (U−128, V−128). */
  neutralShare: Float32Array;
  neutralU: Float32Array;
  neutralV: Float32Array;
  /**
   * The largest mean absolute luma change to the previous frame of any 8×8 block of a 128×72 luma
   * plane (a 16×9 grid), 8-bit: a moving inset that the mean over the picture hides (0 for the first).
   */
  blockDiffMax: Float32Array;
  /**
   * The picture's global displacement from the previous frame (where the content moved: right and
   * down are positive), as a share of the picture's width on both axes; NaN where it cannot be told
   * (the first frame, a plain picture, local motion only, a different picture).
   */
  shiftXOfWidth: Float32Array;
  shiftYOfWidth: Float32Array;
}

export type SubtitleEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5' | 'unknown';

export interface DecodedText {
  encoding: SubtitleEncoding;
  /** A byte-order mark was present (UTF-8's is valid UTF-8 and passes). */
  bom: boolean;
  /** The bytes are valid UTF-8: what the notice asks for. */
  validUtf8: boolean;
  /** Detector confidence for a guessed legacy encoding (0–1); 1 for a BOM or valid UTF-8. */
  confidence: number;
  text: string;
}

/** A cue as displayed: its 1-based index in the file, times in seconds, and its lines of text. */
export interface Cue {
  index: number;
  startS: number;
  endS: number;
  lines: string[];
  /** 1-based line number of the cue's timing line in the file. */
  lineNumber: number;
}

/** Something in the file that is not a well-formed cue; parsing goes on past it. */
export interface ParseProblem {
  lineNumber: number;
  message: string;
}

/**
 * Parameters of the audio meters, which decide what the compact audio facts keep (hum over the
 * thresholds, clipped runs, loudness swings). Rules set them from their options (`audioMeters`).
 */
export interface AudioMeterOptions {
  humMinProminenceDb: number;
  humMinLevelDbfs: number;
  clipThreshold: number;
  clipMinRunSamples: number;
  loudnessMaxDeviationLu: number;
}
