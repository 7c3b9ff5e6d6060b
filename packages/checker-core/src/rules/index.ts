import type { AnyRule } from './rule.js';
import audioBandwidth from './audio-bandwidth.js';
import audioBitrate from './audio-bitrate.js';
import audioChannelBalance from './audio-channel-balance.js';
import audioChannels from './audio-channels.js';
import audioClipping from './audio-clipping.js';
import audioCodec from './audio-codec.js';
import audioHum from './audio-hum.js';
import audioLoudness from './audio-loudness.js';
import audioPresent from './audio-present.js';
import audioSampleRate from './audio-sample-rate.js';
import audioSnr from './audio-snr.js';
import audioVoiceBalance from './audio-voice-balance.js';
import avSync from './av-sync.js';
import containerMp4 from './container-mp4.js';
import fileIntegrity from './file-integrity.js';
import fileSize from './file-size.js';
import introDuration from './intro-duration.js';
import outroDuration from './outro-duration.js';
import projectFrameRateMatch from './project-frame-rate-match.js';
import projectHours from './project-hours.js';
import projectLoudnessMatch from './project-loudness-match.js';
import projectResolutionMatch from './project-resolution-match.js';
import subtitleEncoding from './subtitle-encoding.js';
import subtitleLanguage from './subtitle-language.js';
import subtitleLineLength from './subtitle-line-length.js';
import subtitlePresent from './subtitle-present.js';
import subtitleTiming from './subtitle-timing.js';
import videoAspect from './video-aspect.js';
import videoBlack from './video-black.js';
import videoBitrate from './video-bitrate.js';
import videoCodec from './video-codec.js';
import videoColorCast from './video-color-cast.js';
import videoDuration from './video-duration.js';
import videoFlash from './video-flash.js';
import videoFrameRate from './video-frame-rate.js';
import videoResolution from './video-resolution.js';
import videoShake from './video-shake.js';
import videoStability from './video-stability.js';

/** Every rule, in report order. Nothing scans folders: a new rule is added here. */
export const rules: readonly AnyRule[] = [
  containerMp4,
  fileSize,
  fileIntegrity,
  videoDuration,
  videoCodec,
  videoResolution,
  videoAspect,
  videoFrameRate,
  videoBitrate,
  videoStability,
  videoShake,
  videoFlash,
  videoColorCast,
  videoBlack,
  audioPresent,
  audioCodec,
  audioSampleRate,
  audioBitrate,
  audioChannels,
  audioChannelBalance,
  audioSnr,
  audioHum,
  audioClipping,
  audioLoudness,
  audioVoiceBalance,
  audioBandwidth,
  avSync,
  introDuration,
  outroDuration,
  subtitlePresent,
  subtitleEncoding,
  subtitleLanguage,
  subtitleLineLength,
  subtitleTiming,
  // Judged per project (`--project`), once the batch is done.
  projectHours,
  projectResolutionMatch,
  projectFrameRateMatch,
  projectLoudnessMatch,
];

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((rule) => [rule.id, rule]));
