import type { Cue, ParseProblem } from '../facts/measurements.js';
export type { Cue, ParseProblem };

export interface ParsedSubtitles {
  format: 'srt' | 'vtt';
  cues: Cue[];
  problems: ParseProblem[];
}

/** What the tolerant reader accepts as a timestamp, so that a cue with a sloppy one is still read. */
const TIMESTAMP = String.raw`(?:\d+:)?\d{1,2}:\d{1,2}[,.]\d{1,4}`;
const TIMESTAMP_PARTS = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,4})$/;
const TIMING = new RegExp(String.raw`^\s*(${TIMESTAMP})\s*(-+>|=+>|->)\s*(${TIMESTAMP})(.*)$`);
/** What the formats allow: SRT `00:01:02,345`; WebVTT `01:02.345` or `00:01:02.345` (hours of two digits or more). */
const STRICT_TIMESTAMP = { srt: /^\d{2,}:\d{2}:\d{2},\d{3}$/, vtt: /^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}$/ };
const LOOKS_LIKE_TIMING = /-+>|=+>|\d{1,2}:\d{2}[:.,]\d/;

/**
 * Parses SRT and WebVTT tolerantly, keeping real line numbers: a malformed cue (bad timestamp,
 * `-->` without spaces, a stray line) becomes a problem naming its line, and parsing goes on.
 */
export function parseSubtitles(text: string, format: 'srt' | 'vtt'): ParsedSubtitles {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const cues: Cue[] = [];
  const problems: ParseProblem[] = [];
  let i = 0;
  if (format === 'vtt') {
    if (!/^WEBVTT(\s|$)/.test(lines[0] ?? '')) problems.push({ lineNumber: 1, message: 'a WebVTT file must start with "WEBVTT"' });
    else i = 1;
  }
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(line)) {
      i = skipBlock(lines, i);
      continue;
    }
    // An identifier (SRT: the cue number) may stand before the timing line.
    let timingAt = i;
    if (!LOOKS_LIKE_TIMING.test(line) && i + 1 < lines.length && LOOKS_LIKE_TIMING.test(lines[i + 1]!)) {
      if (format === 'srt' && !/^\s*\d+\s*$/.test(line)) problems.push({ lineNumber: i + 1, message: `the cue number "${clip(line)}" is not a number` });
      timingAt = i + 1;
    } else if (!LOOKS_LIKE_TIMING.test(line)) {
      problems.push({ lineNumber: i + 1, message: `stray text outside any cue: "${clip(line)}"` });
      i = skipBlock(lines, i);
      continue;
    } else if (format === 'srt') {
      problems.push({ lineNumber: i + 1, message: 'cue without a number before its timing line' });
    }
    const timingLine = lines[timingAt]!;
    const end = skipBlock(lines, timingAt);
    const textLines = lines.slice(timingAt + 1, end);
    i = end;
    const match = TIMING.exec(timingLine);
    if (!match) {
      problems.push({ lineNumber: timingAt + 1, message: `malformed timing line "${clip(timingLine)}"` });
      continue;
    }
    const [, startText = '', arrow, endText = ''] = match;
    const startS = toSeconds(startText);
    const endS = toSeconds(endText);
    if (startS === null || endS === null) {
      problems.push({ lineNumber: timingAt + 1, message: `impossible timestamp in "${clip(timingLine)}" (minutes and seconds run 00–59)` });
      continue;
    }
    // Read all the same (the tolerant reader recovers the cue), but named: players differ on these.
    const timestampProblems = new Set<string>();
    for (const text of [startText, endText]) {
      if (STRICT_TIMESTAMP[format].test(text)) continue;
      if (format === 'srt' && STRICT_TIMESTAMP.srt.test(text.replace('.', ','))) {
        timestampProblems.add('SRT timestamps use a comma before the milliseconds, not a full stop');
      } else {
        timestampProblems.add(`malformed timestamp "${clip(text)}": write it as ${format === 'srt' ? 'HH:MM:SS,mmm' : 'MM:SS.mmm or HH:MM:SS.mmm'}`);
      }
    }
    for (const message of timestampProblems) problems.push({ lineNumber: timingAt + 1, message });
    if (arrow !== '-->' || !/\s-->\s/.test(timingLine)) {
      problems.push({ lineNumber: timingAt + 1, message: `the arrow must be " --> " with a space on each side: "${clip(timingLine)}"` });
    }
    if (textLines.length === 0) problems.push({ lineNumber: timingAt + 1, message: 'cue with no text' });
    cues.push({ index: cues.length + 1, startS, endS, lines: textLines, lineNumber: timingAt + 1 });
  }
  return { format, cues, problems };
}

/** Index of the blank line (or end) that closes the block starting at `from`. */
function skipBlock(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  return i;
}

function toSeconds(text: string): number | null {
  const [, hours, minutes, seconds, fraction] = TIMESTAMP_PARTS.exec(text) ?? [];
  const m = Number(minutes);
  const s = Number(seconds);
  if (m > 59 || s > 59) return null;
  // Milliseconds are the first three digits: `,4560` is 456 ms, `,90` is 900 ms.
  const ms = Number((fraction ?? '0').padEnd(3, '0').slice(0, 3));
  return Number(hours ?? 0) * 3600 + m * 60 + s + ms / 1000;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
