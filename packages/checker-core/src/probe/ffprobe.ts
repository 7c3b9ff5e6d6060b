import { ffprobePath } from './binaries.js';
import { collectStderr, inputArgs, lastLine, mediaUrl, startTool, type ToolOptions } from './run-tool.js';

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
export async function runFfprobe(path: string, options: ToolOptions = {}): Promise<FfprobeOutput> {
  const args = ['-v', 'error', '-show_format', '-show_streams', '-show_chapters', '-of', 'json', ...inputArgs(path)];
  const { subprocess, done } = await startTool(ffprobePath(), args, { ...options, encoding: 'utf8', bufferStdout: true });
  const stderr = collectStderr(subprocess);
  const result = await done;
  if (result.isCanceled) throw new ProbeError('cancelled', '');
  if (result.exitCode !== 0) throw new ProbeError(lastLine(stderr(), mediaUrl(path)) || `ffprobe exited with ${result.exitCode}`, stderr());
  try {
    return JSON.parse(String(result.stdout)) as FfprobeOutput;
  } catch {
    throw new ProbeError('ffprobe printed no readable JSON', stderr());
  }
}
