import type { AudioAnalysis, MediaFacts, SubtitleTrack, VideoAnalysis, VideoFacts } from './facts.js';

/**
 * The facts a report carries: MediaFacts without the per-frame, per-cue and per-100 ms arrays that
 * rules read, so that a report of 10,000 files stays a few kilobytes a file.
 */
export type ReportedFacts = Omit<MediaFacts, 'video' | 'subtitles' | 'audioAnalysis' | 'videoAnalysis'> & {
  video: Omit<VideoFacts, 'frameTimesS' | 'seekIndex'> | null;
  subtitles: Omit<SubtitleTrack, 'cues'>[];
  audioAnalysis?: Omit<AudioAnalysis, 'levelTrack' | 'loudnessTrack'>;
  videoAnalysis?: Omit<VideoAnalysis, 'frames'>;
};

export function factsForReport(facts: MediaFacts): ReportedFacts {
  const { audioAnalysis, videoAnalysis, video, subtitles, ...rest } = facts;
  const out: ReportedFacts = {
    ...rest,
    video: video && omit(omit(video, 'frameTimesS'), 'seekIndex'),
    subtitles: subtitles.map((track) => omit(track, 'cues')),
  };
  if (audioAnalysis) out.audioAnalysis = omit(omit(audioAnalysis, 'levelTrack'), 'loudnessTrack');
  if (videoAnalysis) out.videoAnalysis = omit(videoAnalysis, 'frames');
  return out;
}

function omit<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _left, ...kept } = value;
  return kept;
}
