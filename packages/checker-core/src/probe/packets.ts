import { ffprobePath } from './binaries.js';
import { collectStderr, inputArgs, startTool, type ToolOptions } from './run-tool.js';

/** Per-stream packet data from one demux-only pass (no decoding). */
export interface StreamPackets {
  count: number;
  totalBytes: number;
  /** Decode order, in the stream's time-base ticks. */
  ptsTicks: ArrayLike<number>;
  dtsTicks: ArrayLike<number>;
  /** Which of those packets are keyframes (random-access points), as indexes into them, ascending. */
  keyframes: ArrayLike<number>;
  /** Latest presentation end (pts + duration), in ticks. */
  endTicks: number | null;
  firstPtsTicks: number | null;
  /** The first packet is flagged for discard (priming removed by an edit list or skip samples). */
  firstDiscarded: boolean;
  /** Packets flagged for discard. */
  discardedCount: number;
}

export interface PacketScan {
  streams: Map<number, StreamPackets>;
  /** The demuxer met the end of the data before its index said it would ("partial file"). */
  partial: boolean;
  stderr: string;
}

/**
 * Reads every packet's timestamps, size and flags for the given streams.
 * Keeps timestamps only for `timestampStreams` (the video), sums for the rest.
 */
export async function scanPackets(path: string, streamIndexes: number[], timestampStreams: number[], options: ToolOptions = {}): Promise<PacketScan> {
  const streams = new Map<number, StreamPackets & { ptsTicks: number[]; dtsTicks: number[]; keyframes: number[] }>();
  for (const index of streamIndexes) {
    streams.set(index, { count: 0, totalBytes: 0, ptsTicks: [], dtsTicks: [], keyframes: [], endTicks: null, firstPtsTicks: null, firstDiscarded: false, discardedCount: 0 });
  }
  const keepTimestamps = new Set(timestampStreams);
  const { subprocess, done } = await startTool(
    ffprobePath(),
    ['-v', 'error', '-show_entries', 'packet=stream_index,pts,dts,duration,size,flags', '-of', 'csv=p=0', ...inputArgs(path)],
    { ...options, encoding: 'utf8', bufferStdout: false },
  );
  const collected = collectStderr(subprocess);
  const onLine = (line: string) => {
    const [indexText, ptsText, dtsText, durationText, sizeText, flags = ''] = line.split(',');
    // A packet with side data (the trimmed AAC priming's skip samples) is followed by an empty row: not a packet.
    if (!indexText) return;
    const stream = streams.get(Number(indexText));
    if (!stream) return;
    const pts = parseTicks(ptsText) ?? parseTicks(dtsText);
    const dts = parseTicks(dtsText) ?? pts;
    const duration = parseTicks(durationText) ?? 0;
    if (stream.count === 0) {
      stream.firstPtsTicks = pts;
      stream.firstDiscarded = flags.includes('D');
    }
    stream.count++;
    if (flags.includes('D')) stream.discardedCount++;
    stream.totalBytes += Number(sizeText) || 0;
    if (pts !== null) stream.endTicks = Math.max(stream.endTicks ?? -Infinity, pts + duration);
    if (keepTimestamps.has(Number(indexText)) && pts !== null && dts !== null) {
      if (flags.includes('K')) stream.keyframes.push(stream.ptsTicks.length);
      stream.ptsTicks.push(pts);
      stream.dtsTicks.push(dts);
    }
  };
  let partialLine = '';
  subprocess.stdout!.setEncoding('utf8');
  subprocess.stdout!.on('data', (chunk: string) => {
    const lines = (partialLine + chunk).split('\n');
    partialLine = lines.pop()!;
    for (const line of lines) onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  });
  await done;
  if (partialLine) onLine(partialLine);
  const stderr = collected();
  // "partial file" is the demuxer meeting the end of the data early; a corrupt packet mid-file is not truncation.
  return { streams, partial: /partial file/i.test(stderr), stderr };
}

function parseTicks(text: string | undefined): number | null {
  if (text === undefined || text === '' || text === 'N/A') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}
