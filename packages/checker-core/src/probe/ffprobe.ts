import { execa } from 'execa';
import { ffprobePath } from './binaries.js';

/** The parts of ffprobe's JSON the facts are built from. */
export interface FfprobeStream {
  index: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  time_base?: string;
  start_pts?: number;
  start_time?: string;
  duration?: string;
  bit_rate?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: Record<string, number>;
}

export interface FfprobeChapter {
  start_time?: string;
  end_time?: string;
  tags?: Record<string, string>;
}

export interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; size?: string; bit_rate?: string; tags?: Record<string, string> };
  streams?: FfprobeStream[];
  chapters?: FfprobeChapter[];
}

export class ProbeError extends Error {
  override name = 'ProbeError';
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/** One ffprobe call: format, streams and chapters. */
export async function runFfprobe(path: string): Promise<FfprobeOutput> {
  const result = await execa(
    ffprobePath(),
    ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', '--', path],
    { reject: false, stripFinalNewline: true, maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.exitCode !== 0) throw new ProbeError(lastLine(result.stderr) || `ffprobe exited with ${result.exitCode}`, result.stderr);
  try {
    return JSON.parse(result.stdout) as FfprobeOutput;
  } catch {
    throw new ProbeError('ffprobe printed no readable JSON', result.stderr);
  }
}

/** ffprobe's last stderr line, without its `[demuxer @ 0x…]` prefix and the path it repeats. */
export function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.at(-1) ?? '';
  return line.replace(/^\[[^\]]*\]\s*/, '').replace(/^.*?:\s(?=[A-Z])/, '');
}
