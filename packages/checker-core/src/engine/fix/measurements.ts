/**
 * What a fix measures before it can be planned exactly, and how ffmpeg's and ffprobe's output is
 * read back (pure parsers; apply.ts runs the passes). A plan made without them carries `<…>`
 * placeholders and measuring steps instead.
 */

/** loudnorm's first pass, as it prints it (strings, passed back verbatim to the second pass). */
export interface LoudnormMeasurement {
  input_i: string;
  input_tp: string;
  input_lra: string;
  input_thresh: string;
  target_offset: string;
}

export interface Interval {
  startS: number;
  endS: number;
}

/** Where a lesson can be cut naturally: black, silence and picture changes, from one ffmpeg pass. */
export interface BoundaryEvidence {
  blacks: Interval[];
  silences: Interval[];
  sceneChangesS: number[];
}

export interface FileMeasurements {
  boundaries?: BoundaryEvidence;
  loudness?: LoudnormMeasurement;
}

export type Measurement = keyof FileMeasurements;

const LOUDNORM_KEYS = ['input_i', 'input_tp', 'input_lra', 'input_thresh', 'target_offset'] as const;

/** The JSON block loudnorm prints at the end of its first pass (`print_format=json`), or null. */
export function parseLoudnorm(stderr: string): LoudnormMeasurement | null {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(stderr.slice(start, end + 1)) as Record<string, unknown>;
  } catch {
    return null;
  }
  const out: Partial<LoudnormMeasurement> = {};
  for (const key of LOUDNORM_KEYS) {
    const value = data[key];
    // `-inf` for silence: no gain can be computed from it.
    if (typeof value !== 'string' || !Number.isFinite(Number(value))) return null;
    out[key] = value;
  }
  return out as LoudnormMeasurement;
}

/** blackdetect, silencedetect and `metadata=print` of scene scores, from one pass's stderr. */
export function parseBoundaries(stderr: string): BoundaryEvidence {
  const blacks: Interval[] = [];
  const silences: Interval[] = [];
  const sceneChangesS: number[] = [];
  let silenceStart: number | null = null;
  let lastPtsTime: number | null = null;
  for (const line of stderr.split(/\r?\n/)) {
    const black = /black_start:\s*([\d.]+)\s+black_end:\s*([\d.]+)/.exec(line);
    if (black) blacks.push({ startS: Number(black[1]), endS: Number(black[2]) });
    const silenceOpen = /silence_start:\s*(-?[\d.]+)/.exec(line);
    if (silenceOpen) silenceStart = Math.max(0, Number(silenceOpen[1]));
    const silenceClose = /silence_end:\s*([\d.]+)/.exec(line);
    if (silenceClose && silenceStart !== null) {
      silences.push({ startS: silenceStart, endS: Number(silenceClose[1]) });
      silenceStart = null;
    }
    const frame = /\bpts_time:\s*([\d.]+)/.exec(line);
    if (frame) lastPtsTime = Number(frame[1]);
    if (/lavfi\.scene_score=/.test(line) && lastPtsTime !== null) {
      sceneChangesS.push(lastPtsTime);
      lastPtsTime = null;
    }
  }
  return { blacks, silences, sceneChangesS };
}
