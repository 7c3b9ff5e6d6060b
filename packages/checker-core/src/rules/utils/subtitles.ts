import type { MediaFacts, SubtitleTrack } from '../../facts/facts.js';
import type { MessageParams, MessageRef } from '../../facts/finding.js';
import { round, type Outcome } from '../rule.js';

/** Detail findings kept per rule and file; the first finding's message gives the full count. */
export const MAX_DETAILS = 200;

/** Skip when the media has no subtitles (subtitle.present says so once). */
export function noTracks(facts: MediaFacts, expected: { expectedId: string; expectedParams?: MessageParams }): Outcome | null {
  if (facts.subtitles.length > 0) return null;
  return { status: 'skip', messageId: 'skip/no-subtitles', measured: null, ...expected };
}

/** A subtitle track as a person names it: the sidecar's path, or the stream inside the video. */
export function trackName(track: SubtitleTrack): MessageRef {
  return track.source === 'embedded'
    ? { messageId: 'subtitle/stream', params: { stream: Number(track.path.split('#stream:')[1]) } }
    : { messageId: 'subtitle/file', params: { path: track.path } };
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
