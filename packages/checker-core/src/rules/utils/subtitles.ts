import type { MediaFacts, SubtitleTrack } from '../../facts/facts.js';
import { round, type Outcome } from '../rule.js';

/** Detail findings kept per rule and file; the first finding's message gives the full count. */
export const MAX_DETAILS = 200;

/** Skip when the media has no subtitles (subtitle.present says so once). */
export function noTracks(facts: MediaFacts, expected: string): Outcome | null {
  if (facts.subtitles.length > 0) return null;
  return { status: 'skip', message: 'no subtitles', measured: null, expected };
}

export function trackName(track: SubtitleTrack): string {
  return track.source === 'embedded' ? `the subtitle stream ${track.path.split('#stream:')[1]} inside the file` : track.path;
}

export function cueTime(startS: number, endS: number) {
  return [{ start: round(startS, 3), end: round(endS, 3) }];
}

/** Subtitle text is the only file content a report quotes, and at most this much of it. */
export const MAX_QUOTE_CHARS = 200;

export function quote(text: string): string {
  const chars = [...text];
  return chars.length > MAX_QUOTE_CHARS ? `${chars.slice(0, MAX_QUOTE_CHARS - 1).join('')}…` : text;
}
