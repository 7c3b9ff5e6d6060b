import type { StreamDamage } from '../facts/facts.js';
import { ffmpegPath } from '../probe/binaries.js';
import { inputArgs, lastLine, mediaUrl, startTool, type ToolOptions } from '../probe/run-tool.js';

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** What the decoder reported as damage while a stream was decoded. */
export interface DecodeDamage {
  /** Error lines ffmpeg printed ("Last message repeated N times" counts N). */
  errorCount: number;
  /** For each error line (at most MAX_DAMAGE_MARKS): how many units had reached us when it was printed. */
  unitsAtError: number[];
  /** The first error line, without ffmpeg's `[decoder @ 0x…]` prefix. */
  firstError: string | null;
}

/** A decoding pass's options: the child's, and where to report how far it has decoded. */
export interface PassOptions extends ToolOptions {
  /** Called as the decode advances, with the seconds of the stream decoded so far. */
  onDecodedS?: (seconds: number) => void;
}

export interface DecodeArgs {
  /** Options before `-i` (decoder threads, …). */
  input?: string[];
  /** Everything after the input: mapping, filters and a raw output to `pipe:1`. */
  output: string[];
}

const MAX_DAMAGE_MARKS = 1000;

/**
 * Every pipe read is a new 64 KiB buffer outside V8's heap, dead once measured. V8 frees such
 * buffers when it collects, and with the meters allocating nothing per read that happens only once
 * 64 MiB of them have piled up (its external-memory limit): 20–40 MiB of dead reads in every check,
 * more than an hour's measurements. Where the host exposes the collector (`--expose-gc`; the command
 * does), the young generation is collected after every 8 MiB read by all passes: 0.3–0.5 ms each,
 * 12–16 MiB less peak memory for a 6-minute slide lesson. Node gives a child's pipe no way to read into
 * a buffer of ours (sockets have `onread`; child pipes do not). A read that outlives a young
 * collection (the one in hand when it runs) moves to the old generation, dead there until a full
 * collection, which V8 puts off: in an hour-long check 15–20 MiB of them piled up, memory that grew
 * with the length. So every eighth collection (64 MiB read) is a full one, 2–5 ms; and so is one
 * as the first pass of a file starts, when what made the facts is garbage (an hour's MP4 index, 10 MiB).
 */
const COLLECT_EVERY_BYTES = 8 * 1024 * 1024;
const FULL_COLLECTION_EVERY = 8;
/** Read by every pass of the process (two passes a file, and files side by side). */
let readBytes = 0;
let readAtCollection = 0;
let readAtFullCollection = -1;
let collections = 0;

function collectAfterRead(bytes: number): void {
  readBytes += bytes;
  if (readBytes - readAtCollection < COLLECT_EVERY_BYTES) return;
  readAtCollection = readBytes;
  if (++collections % FULL_COLLECTION_EVERY === 0) collectFully();
  else globalThis.gc?.({ type: 'minor' });
}

/** Once for passes that start together (nothing read since the last full collection). */
function collectAtPassStart(): void {
  if (readBytes !== readAtFullCollection) collectFully();
}

function collectFully(): void {
  // Without options: Node 20's V8 reads `{ type: 'major' }` as a young collection.
  globalThis.gc?.();
  readAtFullCollection = readBytes;
}

/**
 * Runs ffmpeg on `path` (which must write raw data to `pipe:1`) and hands the output on in whole
 * units of `unitBytes` (a sample frame, a picture), never buffering the stream whole. The bytes
 * handed to `onUnits` are valid during the call only (a unit split between reads is reassembled in
 * a buffer that is reused). The errors
 * ffmpeg prints while decoding are the file's damage: each is placed by the units delivered when it
 * arrived (the pipe runs a few frames behind the decoder, so the place is approximate).
 */
export async function streamRaw(
  path: string,
  args: DecodeArgs,
  unitBytes: number,
  onUnits: (bytes: Buffer, units: number) => void,
  options: ToolOptions & { onDelivered?: (units: number) => void } = {},
): Promise<DecodeDamage> {
  collectAtPassStart();
  const { subprocess, done } = await startTool(
    ffmpegPath(),
    ['-nostdin', '-hide_banner', '-v', 'error', ...(args.input ?? []), ...inputArgs(path), ...args.output],
    { ...options, encoding: 'buffer', bufferStdout: false },
  );
  let unitsDelivered = 0;
  // `data` events, not the async iterator: at 230 MB of PCM for 10 minutes the iterator costs 0.15 s.
  // A unit split between two chunks is put together in one buffer kept for the purpose, never by
  // concatenating chunks (a 64 KiB pipe read holds 9.5 analysis pictures: that copied every chunk).
  const carry = Buffer.alloc(unitBytes);
  let carried = 0;
  subprocess.stdout!.on('data', (chunk: Buffer) => {
    collectAfterRead(chunk.length);
    let offset = 0;
    let units = 0;
    if (carried > 0) {
      offset = Math.min(unitBytes - carried, chunk.length);
      chunk.copy(carry, carried, 0, offset);
      carried += offset;
      if (carried < unitBytes) return;
      onUnits(carry, 1);
      carried = 0;
      units++;
    }
    const whole = Math.floor((chunk.length - offset) / unitBytes);
    if (whole > 0) onUnits(chunk.subarray(offset, offset + whole * unitBytes), whole);
    units += whole;
    offset += whole * unitBytes;
    if (offset < chunk.length) carried = chunk.copy(carry, 0, offset);
    unitsDelivered += units;
    if (units > 0) options.onDelivered?.(unitsDelivered);
  });
  const damage: DecodeDamage = { errorCount: 0, unitsAtError: [], firstError: null };
  // What the muxer of our raw output says of timestamps it does not use ("Application provided
  // invalid, non monotonically increasing dts to muxer", Matroska with B-frames) is not the file's damage.
  let ignoring = false;
  let lastText = '';
  let partialLine = '';
  subprocess.stderr!.on('data', (chunk: Buffer) => {
    const lines = (partialLine + chunk.toString('utf8')).split('\n');
    partialLine = lines.pop() ?? '';
    for (const raw of lines) {
      const line = raw.trim();
      if (!line) continue;
      lastText = line;
      const repeated = /Last message repeated (\d+) times?/.exec(line);
      if (!repeated) ignoring = / to muxer in stream \d+/.test(line);
      if (ignoring) continue;
      damage.errorCount += repeated ? Number(repeated[1]) : 1;
      if (repeated) continue;
      damage.firstError ??= line.replace(/^\[[^\]]*\]\s*/, '');
      if (damage.unitsAtError.length < MAX_DAMAGE_MARKS) damage.unitsAtError.push(unitsDelivered);
    }
  });
  const result = await done;
  if (result.isCanceled) throw new DecodeError('cancelled');
  if (result.exitCode !== 0) {
    const last = lastLine(partialLine || lastText, mediaUrl(path));
    throw new DecodeError(`ffmpeg could not decode the stream (${last || `exit ${result.exitCode}`})`);
  }
  if (unitsDelivered === 0) throw new DecodeError('nothing could be decoded from the stream');
  return damage;
}

/** The damage in seconds: each error placed by the units delivered when it was printed. */
export function damageOf(damage: DecodeDamage, timeOfUnits: (units: number) => number): StreamDamage {
  return { errorCount: damage.errorCount, atS: damage.unitsAtError.map((units) => Math.round(timeOfUnits(units) * 1000) / 1000), firstError: damage.firstError };
}
