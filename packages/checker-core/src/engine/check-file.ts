import { DecodeError } from '../analyze/decode-stream.js';
import type { MediaFacts, SubtitleTrack, UnreadableSubtitle } from '../facts/facts.js';
import { fileStatusOf, type FileErrorCode, type FileResult, type Locale } from '../facts/finding.js';
import { renderMessage } from '../messages/render.js';
import { factsForReport } from '../facts/reported-facts.js';
import { MediaError, probeMedia, readHead } from '../probe/probe-media.js';
import { StallError, type ToolOptions } from '../probe/run-tool.js';
import type { Profile } from '../profiles/profile.js';
import { loadEmbeddedSubtitles, loadSubtitleFile, SubtitleReadError } from '../subtitles/load.js';
import type { CheckTarget, FoundFile } from './discover.js';
import { judge, type JudgeContext } from './evaluate.js';
import type { Plan } from './plan.js';
import { soundPrint, type SoundPrint } from './shared-passages.js';

export interface CheckOptions {
  profile: Profile;
  plan: Plan;
  /** The rules' context and the locale of the messages. */
  context: JudgeContext;
  signal?: AbortSignal;
  /** A child process that writes nothing for this long is stopped and the file is an error (default 120 s). */
  stallTimeoutS?: number;
  /** ffmpeg threads per video decode; 1 in a batch of several files at once. */
  decoderThreads?: number;
  /** How far the decoding passes have come, 0–1 (the slower pass's share of the duration). */
  onDecodeProgress?: (fraction: number) => void;
}

/** One file's verdict, and its sound print for the passages a folder's lessons share. */
export interface CheckedFile {
  result: FileResult;
  print: SoundPrint | null;
}

/**
 * What checks one target: `checkFile` here; a result cache or a queue of workers stands in for it
 * (RunOptions.checker) and the batch around it stays the same.
 */
export type FileChecker = (target: CheckTarget, options: CheckOptions) => Promise<CheckedFile>;

/**
 * Checks one file: facts first (probe, subtitles, the decoding passes the plan asks for, the two
 * side by side, each stream decoded once), then every rule. Never throws for a bad file: it gets
 * status `error` with one line. Also returns the file's sound print, for intros shared in a folder.
 */
export async function checkFile(target: CheckTarget, options: CheckOptions): Promise<CheckedFile> {
  const { plan } = options;
  // One file's children stop together: a pass that fails takes its twin down with it.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const tool: ToolOptions = { signal, stallTimeoutS: options.stallTimeoutS };
  let facts: MediaFacts;
  try {
    facts = target.kind === 'subtitle' ? await subtitleFileFacts(target) : await probeMedia(target.readPath, tool, { decodeFollows: plan.audio || plan.video });
    if (target.kind === 'media') Object.assign(facts, await loadTracks(target, facts, tool));
    const { video, audio } = facts;
    const decodeAudio = plan.audio && audio !== null;
    const decodeVideo = plan.video && video !== null;
    const progress = decodeProgress(facts.durationS, decodeAudio, decodeVideo, options.onDecodeProgress);
    // The decoding passes' modules load when a pass runs: `--quick` never loads them.
    const [audioAnalysis, videoAnalysis] = await Promise.all([
      decodeAudio
        ? import('../analyze/audio/analyze-audio.js')
            .then(({ analyzeAudio }) => analyzeAudio(target.readPath, audio, plan.audioMeters, { ...tool, onDecodedS: progress?.audio }))
            .catch(tag('audio'))
        : undefined,
      decodeVideo
        ? import('../analyze/video/analyze-video.js')
            .then(({ analyzeVideo }) => analyzeVideo(target.readPath, video, video.frameTimesS, { ...tool, threads: options.decoderThreads, onDecodedS: progress?.video }))
            .catch(tag('video'))
        : undefined,
    ]);
    if (audioAnalysis) facts.audioAnalysis = audioAnalysis;
    if (videoAnalysis) facts.videoAnalysis = videoAnalysis;
  } catch (error) {
    stop.abort();
    return { result: errorResultOf(target.path, error, options.context.locale), print: null };
  }
  try {
    const findings = judge(facts, options.profile, options.context, plan.quick);
    const print = plan.folder && facts.audioAnalysis ? soundPrint(facts.audioAnalysis) : null;
    return { result: { path: target.path, status: fileStatusOf(findings), facts: factsForReport(facts), findings, error: null }, print };
  } catch (error) {
    // A rule that throws is a bug of ours: this file says so in one line, and the batch goes on.
    return { result: errorResult(target.path, 'internal', `internal error: ${(error as Error).message}`, options.context.locale), print: null };
  }
}

/** Reports the slower of the two passes as a share of the file's duration, at most every 0.25 s. */
function decodeProgress(durationS: number | null, audio: boolean, video: boolean, report: ((fraction: number) => void) | undefined) {
  if (!report || !durationS || (!audio && !video)) return undefined;
  const decodedS = { audio: audio ? 0 : Infinity, video: video ? 0 : Infinity };
  let reportedAt = 0;
  const update = (pass: 'audio' | 'video') => (seconds: number) => {
    decodedS[pass] = seconds;
    const now = Date.now();
    if (now - reportedAt < 250) return;
    reportedAt = now;
    report(Math.min(1, Math.min(decodedS.audio, decodedS.video) / durationS));
  };
  return { audio: update('audio'), video: update('video') };
}

/** Sidecars and streams inside the file; one that cannot be read is a subtitle finding, not the video's error. */
async function loadTracks(target: CheckTarget, facts: MediaFacts, tool: ToolOptions): Promise<Pick<MediaFacts, 'subtitles' | 'unreadableSubtitles'>> {
  const subtitles: SubtitleTrack[] = [];
  const unreadableSubtitles: UnreadableSubtitle[] = [];
  const load = async (path: string, read: () => Promise<SubtitleTrack>) => {
    try {
      subtitles.push(await read());
    } catch (error) {
      if (!(error instanceof SubtitleReadError)) throw error;
      unreadableSubtitles.push({ path, message: error.message });
    }
  };
  for (const sidecar of target.sidecars) await load(sidecar.path, () => loadSubtitleFile(sidecar.readPath, sidecar.path));
  for (const stream of facts.subtitleStreams) {
    await load(`${target.path}#stream:${stream.streamIndex}`, () => loadEmbeddedSubtitles(target.readPath, stream, tool, target.path));
  }
  return { subtitles, unreadableSubtitles };
}

/** Facts of a subtitle file given on its own: no streams, one track. */
export async function subtitleFileFacts(file: FoundFile): Promise<MediaFacts> {
  const track = await loadSubtitleFile(file.readPath, file.path);
  const { sizeBytes } = await readHead(file.readPath);
  return {
    kind: 'subtitle',
    sizeBytes,
    durationS: null,
    container: { signature: 'other', majorBrand: null, compatibleBrands: [], formatName: track.format, statedBitrateBps: null },
    video: null,
    audio: null,
    audioStreamCount: 0,
    subtitleStreams: [],
    chapters: [],
    sync: null,
    subtitles: [track],
  };
}

/** The one line a file that cannot be checked gets, whatever went wrong. */
function errorResultOf(path: string, error: unknown, locale?: Locale): FileResult {
  if (error instanceof MediaError || error instanceof SubtitleReadError) return errorResult(path, error.code, error.message, locale);
  if (error instanceof StallError) return errorResult(path, 'stalled', error.message, locale);
  if (error instanceof DecodeError) return errorResult(path, 'decode-failed', error.message, locale);
  return errorResult(path, 'internal', `internal error: ${(error as Error).message}`, locale);
}

/** Names the stream in a decode error: "video: ffmpeg could not decode …". */
function tag(stream: 'audio' | 'video') {
  return (error: unknown): never => {
    if (error instanceof StallError) throw new StallError(`${stream}: ${error.message}`);
    if (error instanceof DecodeError && error.message !== 'cancelled') throw new DecodeError(`${stream}: ${error.message}`);
    throw error;
  };
}

/** `detail` is what the probe or decoder said (English); the message, by id per code, says it to a person in the run's locale. */
function errorResult(path: string, code: FileErrorCode, detail: string, locale: Locale = 'en'): FileResult {
  const messageId = `file-error/${code}`;
  const params = { detail };
  return { path, status: 'error', facts: null, findings: [], error: { code, message: renderMessage(locale, messageId, params), messageId, params } };
}
