import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileResult, Finding } from '../facts/finding.js';
import type { AnyRule } from '../rules/rule.js';
import { ffmpegPath } from '../probe/binaries.js';
import { inputArgs, startTool, type ToolOptions } from '../probe/run-tool.js';

/** Frames taken a file at the most: each costs a seek and a decode. */
const MAX_FRAMES_PER_FILE = 12;
const WIDTH_PX = 320;

export interface EvidenceOptions {
  /** Write JPEGs into this folder and name them in `finding.evidence`. */
  dir?: string;
  /** Put the JPEGs into the findings as data URIs (`finding.evidenceDataUri`), for a self-contained HTML report. */
  embed?: boolean;
}

/** The frame at `timeS` (or `frames` frames from it, side by side), each scaled to 320 px wide, as a JPEG. */
export async function extractFrameJpeg(path: string, timeS: number, options: ToolOptions & { frames?: number } = {}): Promise<Buffer> {
  const frames = options.frames ?? 1;
  const filter = frames > 1 ? `scale=${WIDTH_PX}:-2,tile=${frames}x1:padding=4:color=white` : `scale=${WIDTH_PX}:-2`;
  const args = ['-nostdin', '-v', 'error', '-ss', String(Math.max(0, timeS)), ...inputArgs(path), '-map', '0:v:0', '-vf', filter, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', 'pipe:1'];
  const { done } = await startTool(ffmpegPath(), args, { ...options, encoding: 'buffer', bufferStdout: true });
  const result = await done;
  if (result.exitCode !== 0 || result.isCanceled) throw new Error(`no frame at ${timeS} s`);
  // sharp (libvips, ~40 ms to load) only when a picture is made: a quick check never loads it.
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(result.stdout as Uint8Array)).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
}

/** How each rule's timed findings are shown (the rules' `evidence` declarations), by rule id. */
export type EvidenceKinds = ReadonlyMap<string, EvidenceKind>;
type EvidenceKind = NonNullable<AnyRule['evidence']>;

/** Adds the picture at each timed finding of the rules that declare one (the first place of each finding); `readPath` is where the file is read. */
export async function attachEvidence(result: FileResult, readPath: string, fileIndex: number, kinds: EvidenceKinds, options: EvidenceOptions): Promise<void> {
  if (!options.dir && !options.embed) return;
  if (result.facts?.kind !== 'media' || !result.facts.video) return;
  if (options.dir) await mkdir(options.dir, { recursive: true });
  const wanted = result.findings
    .filter((f) => kinds.has(f.rule) && f.at?.length && f.status !== 'pass' && f.status !== 'skip' && !f.evidence && !f.evidenceDataUri)
    .slice(0, MAX_FRAMES_PER_FILE);
  const frameS = result.facts.video.timing.nominalFrameDurationS ?? 0.04;
  for (const finding of wanted) await attachOne(result.path, readPath, fileIndex, finding, kinds.get(finding.rule)!, frameS, options);
}

async function attachOne(path: string, readPath: string, fileIndex: number, finding: Finding, kind: EvidenceKind, frameS: number, options: EvidenceOptions): Promise<void> {
  const range = finding.at![0]!;
  // ffmpeg drops frames before the seek point: a black run or a freeze is shown by its own first frame
  // (1 ms before it), a shot or an intro by its middle; a flash between the frames beside it, so that a
  // white frame does not look like an empty box.
  const timeS = kind === 'event-start' ? range.start - 0.001 : kind === 'frame-strip' ? range.start - frameS - 0.001 : (range.start + range.end) / 2;
  let jpeg: Buffer;
  try {
    jpeg = await extractFrameJpeg(readPath, timeS, { frames: kind === 'frame-strip' ? 3 : 1 });
  } catch {
    return; // evidence is a courtesy: a frame that cannot be read leaves the finding as it is
  }
  if (options.dir) {
    const name = `${String(fileIndex + 1).padStart(3, '0')}-${safe(basename(path))}-${finding.rule}-${timeS.toFixed(2)}s.jpg`;
    const file = join(options.dir, name);
    await writeFile(file, jpeg);
    finding.evidence = file;
  }
  if (options.embed) finding.evidenceDataUri = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

function safe(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 60);
}
