import type { MediaFacts } from '../facts.js';

/**
 * The facts as the JSON report gives them: summaries, not the per-frame, per-cue and per-100 ms
 * arrays that rules read. A report of 10,000 files stays a few kilobytes a file.
 */
export function factsForReport(facts: MediaFacts): MediaFacts {
  const { audioAnalysis, videoAnalysis, video, subtitles, ...rest } = facts;
  const out: MediaFacts = {
    ...rest,
    video: video && { ...video, frameTimesS: [] },
    subtitles: subtitles.map((track) => ({ ...track, cues: [] })),
  };
  if (audioAnalysis) out.audioAnalysis = { ...audioAnalysis, levelTrack: { stepS: audioAnalysis.levelTrack.stepS, levelsDbfs: new Float64Array(0) }, loudnessTrack: new Float64Array(0) };
  if (videoAnalysis) out.videoAnalysis = { ...videoAnalysis, frames: emptyFrames() };
  return out;
}

function emptyFrames() {
  const none = new Float64Array(0);
  return { count: 0, timeS: none, yMean: none, uMean: none, vMean: none, diff: none, cut: none, neutralShare: none, neutralU: none, neutralV: none };
}
