import { basename, extname, join, resolve } from 'node:path';
import type { FileResult, Finding, FindingStatus, Measured } from '../../facts/finding.js';
import { builtinProfiles } from '../../profiles/builtin.js';
import { resolveProfile } from '../../profiles/load-profile.js';
import type { Profile } from '../../profiles/profile.js';
import type { Report } from '../../report/report.js';
import { rulesById } from '../../rules/index.js';
import { defaultOptionsOf, type OptionValue } from '../../rules/rule.js';
import { chooseCuts, type Cut } from './boundaries.js';
import {
  boundaryArgs,
  encodeArgs,
  loudnessMeasureArgs,
  placeholder,
  type AudioEncoding,
  type LoudnessTarget,
  type VideoEncoding,
} from './commands.js';
import type { FileMeasurements, Measurement } from './measurements.js';
import { words, type FixWords } from './words.js';

/**
 * planFixes(report, options): for each file of a check, for each rule it does not meet, what the
 * fixer will do or why it cannot; and the exact ffmpeg runs that do it. Pure: it reads the report
 * (findings and facts) and, when given, what was measured since (boundaries, loudnorm's
 * first pass); without them, the plan has measuring steps and `<…>` placeholders instead.
 *
 * The smallest change first: a stream that passes is copied (a `.mov` or `.mkv` with H.264 and AAC
 * inside is only remuxed); only a failing stream is re-encoded.
 */

export interface PlanOptions {
  /** Where the fixed lessons go (never the folder of the original: apply.ts refuses it). */
  outputDir: string;
  /** The profile the report was made with (default `web`): the floors and limits to fix to. */
  profile?: Profile;
  /** Fix only these rules (the others are reported, not fixed). */
  only?: readonly string[];
  /** Shorten an over-long intro to the rule's limit by cutting its start. */
  trimIntro?: boolean;
  /** Cut a lesson longer than the longest allowed into parts at natural boundaries. */
  split?: boolean;
  /** Reduce broadband noise (audio.snr); off by default, since it can colour the voice. */
  denoise?: boolean;
  /** Scale a picture below the rule's size up (default true); false: a profile that forbids it. */
  upscale?: boolean;
  /** x264 preset for re-encoded pictures (default `medium`). */
  preset?: string;
  /** What was measured since the check, by the report's path. */
  measurements?: ReadonlyMap<string, FileMeasurements>;
}

/** What the plan does about one rule the file does not meet. */
export type RuleFixStatus =
  /** It will be fixed. */
  | 'fix'
  /** No automatic fix exists; `says` tells why and what to do. */
  | 'cannot-fix'
  /** A fix exists but must be asked for (`--trim-intro`, `--split`, `--denoise`). */
  | 'needs-option'
  /** Left out by `--only`. */
  | 'not-asked';

export interface RuleFix {
  rule: string;
  status: RuleFixStatus;
  says: FixWords;
  warnings: FixWords[];
  before: { status: FindingStatus; measured: Measured };
}

export interface PlannedOutput {
  path: string;
  /** The file ffmpeg writes, renamed to `path` when it succeeds. */
  partial: string;
  /** 1-based part number when the lesson is split. */
  part: number | null;
  /** Where the output starts in the input, and how much of the input it takes (null: to the end), input seconds. */
  startS: number;
  durationS: number | null;
  /** Output seconds per input second: 1, or below when the lesson is sped up (24 → 25 fps). */
  timeScale: number;
  video: VideoEncoding | null;
  audio: AudioEncoding | null;
}

export interface SubtitlePlan {
  /** The sidecar as the report names it. */
  source: string;
  /** Through the subtitle fixer (UTF-8, and re-broken lines when `rewrap`); false: copied as it is. */
  fix: boolean;
  rewrap: boolean;
  /** One per output: where it goes and the stretch of the lesson it covers (cues are shifted by −fromS, then scaled by timeScale). */
  outputs: { path: string; fromS: number; toS: number | null; timeScale?: number }[];
}

export type FixStepKind = 'find-boundaries' | 'measure-loudness' | 'encode';

export interface FixStep {
  kind: FixStepKind;
  says: FixWords;
  tool: 'ffmpeg';
  args: string[];
  /** Encodes: the output's final path, and the partial name ffmpeg writes. */
  output: string | null;
  partial: string | null;
  /** Seconds of media the step reads (for progress). */
  durationS: number | null;
  part: number | null;
}

export type PlanOutcome = 'fix' | 'nothing-to-fix' | 'cannot-fix';

export interface FixPlan {
  path: string;
  outcome: PlanOutcome;
  /** Why a file has no fix at all (it could not be checked). */
  reason: FixWords | null;
  /** Every rule the file does not meet, in report order. */
  rules: RuleFix[];
  /** The outputs (one, or one per part); empty while a split waits for its boundaries. */
  outputs: PlannedOutput[];
  subtitles: SubtitlePlan[];
  /** What to run, in order: measuring passes first (when not measured yet), then the encodes. */
  steps: FixStep[];
  /** Measurements the exact plan still waits for. */
  pending: Measurement[];
  /** Where the lesson is cut: its new start, and its new end (null: where it ends now). */
  trim: { startS: number; endS: number | null } | null;
  split: { cuts: Cut[] | null; minPartS: number; maxPartS: number } | null;
  warnings: FixWords[];
}

/**
 * The level a fixed lesson's sound is normalised to. The rule (audio.loudness) judges only how
 * steady the loudness is, not its level; but a course's lessons are played one after another, so a
 * fix sets every lesson it touches to the same integrated loudness rather than keeping each one's own:
 * −16 LUFS, the common level of speech on the web and on phones (AES TD1004 streaming recommendations,
 * Apple's podcast level); a range of 7 LU, well inside the rule's 10; true peak −1.5 dBTP, headroom for
 * the AAC encoder. The range is evened out first by a slow leveller (dynaudnorm), since loudnorm alone
 * narrows a range only a little.
 */
export const LOUDNESS_TARGET: LoudnessTarget = { integratedLufs: -16, rangeLu: 7, truePeakDbtp: -1.5 };

/** dynaudnorm: 250 ms frames, a 15-frame (3.75 s) window, peaks to 0.9, at most ×10 (+20 dB). */
const LEVELLER = 'dynaudnorm=f=250:g=15:p=0.9:m=10';

/** Re-encoded sound: 192 kb/s AAC, or the source's rate up to 320 kb/s when it was higher. */
const AUDIO_RATE_BPS = 192_000;
const AUDIO_MAX_RATE_BPS = 320_000;
/** Re-encoded pictures keep the source's rate, between 1.2 × the profile's floor and this. */
const VIDEO_CAP_BPS = 8_000_000;
/** Codecs that need about 1.5 × the bit rate in H.264 for the same picture. */
const EFFICIENT_CODECS = new Set(['hevc', 'h265', 'vp9', 'av1']);
/** Text subtitle codecs that can go into MP4 as mov_text. */
const TEXT_SUBTITLE_CODECS = new Set(['mov_text', 'subrip', 'srt', 'ass', 'ssa', 'webvtt', 'text']);
/** What a trimmed intro keeps under the limit. */
const TRIM_MARGIN_S = 0.5;

/** Rules nothing can fix automatically, and what to say instead. */
const CANNOT: Record<string, FixWords['messageId']> = {
  'audio.clipping': 'fix/cannot/clipping',
  'video.flash': 'fix/cannot/flash',
  'video.color-cast': 'fix/cannot/color-cast',
  'video.black': 'fix/cannot/black',
  'video.aspect': 'fix/cannot/aspect',
  'video.stability': 'fix/cannot/stability',
  'video.shake': 'fix/cannot/shake',
  'audio.voice-balance': 'fix/cannot/voice-balance',
  'audio.bandwidth': 'fix/cannot/bandwidth',
  'file.integrity': 'fix/cannot/integrity',
  'subtitle.present': 'fix/cannot/subtitle-missing',
  'subtitle.language': 'fix/cannot/subtitle-language',
  'subtitle.timing': 'fix/cannot/subtitle-timing',
  'audio.present': 'fix/cannot/no-audio',
};

const AUDIO_RULES = ['audio.codec', 'audio.sample-rate', 'audio.channels', 'audio.channel-balance', 'audio.bitrate', 'audio.loudness', 'audio.hum', 'audio.snr'];

export function planFixes(report: Report, options: PlanOptions): FixPlan[] {
  const profile = options.profile ?? resolveProfile('web', builtinProfiles.web, 'web');
  const names = new Map<string, string>();
  return report.files.map((file) => planFile(file, options, profile, names));
}

/** A rule's options in the profile, else its defaults. */
export function ruleOptions(profile: Profile, id: string): Record<string, OptionValue> {
  const setting = profile.settings.find((s) => s.rule.id === id);
  if (setting) return setting.options;
  const rule = rulesById.get(id);
  return rule ? defaultOptionsOf(rule) : {};
}

const notMet = (f: Finding) => f.status === 'fail' || f.status === 'warn';

function planFile(file: FileResult, options: PlanOptions, profile: Profile, names: Map<string, string>): FixPlan {
  const plan: FixPlan = { path: file.path, outcome: 'nothing-to-fix', reason: null, rules: [], outputs: [], subtitles: [], steps: [], pending: [], trim: null, split: null, warnings: [] };
  if (file.status === 'error' || !file.facts) {
    plan.outcome = 'cannot-fix';
    plan.reason = words('fix/cannot/file-error', { detail: file.error?.message ?? file.error?.code ?? 'unknown' });
    return plan;
  }
  const facts = file.facts;
  const measured = options.measurements?.get(file.path) ?? {};
  const only = options.only ? new Set(options.only) : null;
  const asked = (rule: string) => only === null || only.has(rule);
  const opt = (rule: string) => ruleOptions(profile, rule);

  // The first finding of each rule is its verdict; detail findings (one per cue, …) follow it.
  const firstOf = new Map<string, Finding>();
  const failing = new Map<string, Finding[]>();
  for (const f of file.findings) {
    if (!firstOf.has(f.rule)) firstOf.set(f.rule, f);
    if (notMet(f)) failing.set(f.rule, [...(failing.get(f.rule) ?? []), f]);
  }
  const isFailing = (rule: string) => failing.has(rule);
  const verdict = (rule: string) => failing.get(rule)?.[0] ?? firstOf.get(rule);
  const fixes = new Map<string, RuleFix>();
  const decide = (rule: string, status: RuleFixStatus, says: FixWords, warnings: FixWords[] = []) => {
    const f = verdict(rule)!;
    fixes.set(rule, { rule, status, says, warnings, before: { status: f.status, measured: f.measured } });
  };
  /** Fixes this rule unless --only leaves it out; true when it is to be fixed. */
  const fixIfAsked = (rule: string, says: FixWords, warnings: FixWords[] = []): boolean => {
    if (!asked(rule)) {
      decide(rule, 'not-asked', words('fix/not-asked'));
      return false;
    }
    decide(rule, 'fix', says, warnings);
    return true;
  };

  const finish = (): FixPlan => {
    plan.rules = file.findings.filter((f, i, all) => all.findIndex((g) => g.rule === f.rule) === i && fixes.has(f.rule)).map((f) => fixes.get(f.rule)!);
    if (!plan.rules.some((r) => r.status === 'fix')) plan.outcome = file.status === 'fail' ? 'cannot-fix' : 'nothing-to-fix';
    else plan.outcome = 'fix';
    return plan;
  };
  /** A fix that must be asked for by an option. */
  const needsOption = (rule: string, says: FixWords, warnings: FixWords[] = []) => decide(rule, asked(rule) ? 'needs-option' : 'not-asked', asked(rule) ? says : words('fix/not-asked'), warnings);

  if (facts.kind === 'subtitle') {
    // A subtitle file given on its own: the subtitle fixer only.
    const track = facts.subtitles[0];
    let fix = false;
    let rewrap = false;
    if (isFailing('subtitle.encoding')) fix = fixIfAsked('subtitle.encoding', words('fix/do/subtitle-utf8', { encoding: track?.encoding.encoding ?? 'unknown' }));
    if (isFailing('subtitle.line-length') && fixIfAsked('subtitle.line-length', words('fix/do/subtitle-rewrap'))) fix = rewrap = true;
    for (const rule of failing.keys()) if (!fixes.has(rule)) decide(rule, 'cannot-fix', words(CANNOT[rule] ?? 'fix/cannot/no-automatic-fix'));
    if (fix) plan.subtitles.push({ source: file.path, fix: true, rewrap, outputs: [{ path: join(resolve(options.outputDir), basename(file.path)), fromS: 0, toS: null }] });
    return finish();
  }

  const video = facts.video;
  const audio = facts.audio;
  const durationS = facts.durationS ?? video?.durationS ?? audio?.durationS ?? 0;
  const stem = basename(file.path, extname(file.path));
  const outputDir = resolve(options.outputDir);

  // --- what to do to the picture ---------------------------------------------------------------
  let encodeVideo = false;
  const videoFilters: string[] = [];
  let fps: string | null = null;
  /** Output seconds per input second (below 1 when the lesson is sped up from 24 to 25 fps). */
  let timeScale = 1;
  let tempo: number | null = null;
  const floorBps = Number(opt('video.bitrate').minBps ?? 1_000_000);
  if (video) {
    if (isFailing('video.codec') && fixIfAsked('video.codec', words('fix/do/video-codec', { codec: video.codec, rateBps: 0 }))) {
      encodeVideo = true;
    }
    if (isFailing('video.frame-rate')) {
      const fromFps = video.timing.nominalFps;
      const target = targetFps(fromFps, String(opt('video.frame-rate').allowedFps ?? '25,30000/1001'));
      const how = conversionOf(fromFps, target.value);
      const says =
        how === 'speed'
          ? words('fix/do/frame-rate-speed', { fromFps: round(fromFps!, 3), toFps: round(target.value, 3), percent: round((target.value / fromFps! - 1) * 100, 1), fromS: round(durationS, 1), toS: round((durationS * fromFps!) / target.value, 1) })
          : words('fix/do/frame-rate', { fromFps: round(fromFps ?? 0, 3), toFps: round(target.value, 3) });
      const warnings = how === 'repeat' ? [words('fix/warn/repeats-frames', { fromFps: round(fromFps ?? 0, 3), toFps: round(target.value, 3) })] : [];
      if (fixIfAsked('video.frame-rate', says, warnings)) {
        encodeVideo = true;
        fps = target.text;
        if (how === 'speed') {
          // Every frame kept, shown a little sooner; the sound follows at its own pitch.
          timeScale = fromFps! / target.value;
          videoFilters.push(`setpts=PTS*${timeScale.toPrecision(9)}`);
          tempo = target.value / fromFps!;
        } else {
          // (After setpts, ffmpeg's fps filter would fill up to the input's old end: `-r` alone there.)
          videoFilters.push(`fps=fps=${target.text}`);
        }
      }
    }
    if (isFailing('video.resolution')) {
      const minShort = Number(opt('video.resolution').minShortSidePx ?? 720);
      if (options.upscale === false) decide('video.resolution', 'cannot-fix', words('fix/cannot/no-upscale'));
      else {
        const size = upscaledSize(video.displayWidth, video.displayHeight, minShort);
        const says = words('fix/do/upscale', { fromWidth: video.displayWidth, fromHeight: video.displayHeight, toWidth: size.width, toHeight: size.height });
        if (fixIfAsked('video.resolution', says, [words('fix/warn/upscale-no-detail')])) {
          encodeVideo = true;
          videoFilters.push(`scale=${size.width}:${size.height}:flags=lanczos`, 'setsar=1');
        }
      }
    }
    if (isFailing('video.bitrate') && fixIfAsked('video.bitrate', words('fix/do/video-bitrate', { rateBps: 0, floorBps }))) {
      encodeVideo = true;
    }
  } else {
    for (const rule of ['video.codec', 'video.frame-rate', 'video.resolution', 'video.bitrate']) if (isFailing(rule)) decide(rule, 'cannot-fix', words('fix/cannot/no-video'));
  }

  // --- what to do to the sound -----------------------------------------------------------------
  let encodeAudio = false;
  const audioFilters: string[] = [];
  let loudness: LoudnessTarget | null = null;
  let shiftS = 0;
  let padToEndS: number | null = null;
  let fullStereo = false;
  if (audio && tempo !== null) {
    encodeAudio = true;
    audioFilters.push(`atempo=${tempo.toPrecision(9)}`);
  }
  if (audio) {
    if (isFailing('audio.codec') && fixIfAsked('audio.codec', words('fix/do/audio-codec', { codec: audio.codec, rateBps: 0 }))) encodeAudio = true;
    if (isFailing('audio.channels')) {
      const says = audio.channels === 1 ? words('fix/do/mono') : words('fix/do/downmix', { channels: audio.channels });
      if (fixIfAsked('audio.channels', says)) {
        encodeAudio = true;
        // Mono: the one channel on both sides at its own level (ffmpeg's upmix would lower it 3 dB).
        audioFilters.push(audio.channels === 1 ? 'pan=stereo|c0=c0|c1=c0' : 'aresample=ocl=stereo');
      }
    }
    if (isFailing('audio.channel-balance') && audio.channels >= 2) {
      const m = (verdict('audio.channel-balance')!.measured ?? {}) as { leftDbfs?: number | null; rightDbfs?: number | null; differenceDb?: number | null };
      const silentBelow = Number(opt('audio.channel-balance').silentBelowDbfs ?? -90);
      const silent = (db: number | null | undefined) => db === null || db === undefined || db < silentBelow;
      const leftSilent = silent(m.leftDbfs);
      const rightSilent = silent(m.rightDbfs);
      if (leftSilent && rightSilent) decide('audio.channel-balance', 'cannot-fix', words('fix/cannot/no-audio'));
      else if (leftSilent || rightSilent) {
        const live = leftSilent ? 1 : 0;
        const says = words('fix/do/balance-copy', { silent: leftSilent ? 'left' : 'right', live: leftSilent ? 'right' : 'left' });
        if (fixIfAsked('audio.channel-balance', says)) {
          encodeAudio = true;
          audioFilters.push(`pan=stereo|c0=c${live}|c1=c${live}`);
        }
      } else {
        const difference = Math.abs(m.differenceDb ?? 0);
        const quieter = (m.leftDbfs ?? 0) < (m.rightDbfs ?? 0) ? 'left' : 'right';
        if (fixIfAsked('audio.channel-balance', words('fix/do/balance-mix', { quieter, differenceDb: round(difference, 1) }))) {
          encodeAudio = true;
          audioFilters.push('pan=stereo|c0=0.5*c0+0.5*c1|c1=0.5*c0+0.5*c1');
        }
      }
    }
    if (isFailing('audio.sample-rate') && fixIfAsked('audio.sample-rate', words('fix/do/sample-rate', { fromHz: audio.sampleRateHz }))) {
      encodeAudio = true;
      audioFilters.push('aresample=48000');
    }
    if (isFailing('audio.bitrate')) {
      const f = verdict('audio.bitrate')!;
      const minBps = Number(opt('audio.bitrate').minBps ?? 128_000);
      const bps = typeof f.measured === 'number' ? f.measured : null;
      // Under the notice's 1.4 Mbps but over the practical floor: AAC cannot do better.
      if (bps !== null && bps >= minBps) decide('audio.bitrate', 'cannot-fix', words('fix/cannot/aac-ceiling'));
      else if (fixIfAsked('audio.bitrate', words('fix/do/audio-bitrate', { rateBps: 0, fromBps: bps ?? 0 }), [words('fix/cannot/aac-ceiling')])) encodeAudio = fullStereo = true;
    }
    if (isFailing('audio.hum')) {
      const m = (verdict('audio.hum')!.measured ?? {}) as { mainsHz?: number; frequencyHz?: number };
      const mains = m.mainsHz ?? (m.frequencyHz !== undefined && m.frequencyHz % 60 === 0 && m.frequencyHz % 50 !== 0 ? 60 : 50);
      const frequencies = [1, 2, 3, 4].map((k) => mains * k);
      if (fixIfAsked('audio.hum', words('fix/do/hum', { mainsHz: mains, frequencies }))) {
        encodeAudio = true;
        // Notches 8 Hz wide: narrower ones ring on into the pauses after each word.
        for (const f of frequencies) audioFilters.push(`bandreject=f=${f}:width_type=h:w=8`);
      }
    }
    if (isFailing('audio.snr')) {
      const m = (verdict('audio.snr')!.measured ?? {}) as { snrDb?: number | null; noiseLevelDbfs?: number | null };
      const minSnr = Number(opt('audio.snr').minSnrDb ?? 50);
      const warnings = isFailing('audio.hum') && fixes.get('audio.hum')?.status === 'fix' ? [words('fix/warn/hum-and-snr')] : [];
      if (!options.denoise) needsOption('audio.snr', words('fix/needs/denoise'), warnings);
      else {
        const reductionDb = clamp(Math.round(minSnr - (m.snrDb ?? minSnr) + 12), 12, 40);
        const floorDbfs = clamp(Math.round(m.noiseLevelDbfs ?? -50), -80, -20);
        if (fixIfAsked('audio.snr', words('fix/do/denoise', { reductionDb, floorDbfs }), warnings)) {
          encodeAudio = true;
          audioFilters.push(`afftdn=nr=${reductionDb}:nf=${floorDbfs}:tn=1`);
        }
      }
    }
    if (isFailing('audio.loudness')) {
      const m = verdict('audio.loudness')!.measured as { integratedLufs?: number | null } | null;
      if (m === null || m.integratedLufs === null || m.integratedLufs === undefined) decide('audio.loudness', 'cannot-fix', words('fix/cannot/no-audio'));
      else if (fixIfAsked('audio.loudness', words('fix/do/loudness', { targetLufs: LOUDNESS_TARGET.integratedLufs, targetLra: LOUDNESS_TARGET.rangeLu, targetTp: LOUDNESS_TARGET.truePeakDbtp }))) {
        encodeAudio = true;
        audioFilters.push(LEVELLER);
        loudness = LOUDNESS_TARGET;
      }
    }
    if (isFailing('av.sync')) {
      const o = opt('av.sync');
      const maxEarly = Number(o.maxEarlyMs ?? 40);
      const maxLate = Number(o.maxLateMs ?? 60);
      const startMs = facts.sync?.startOffsetMs ?? (typeof verdict('av.sync')!.measured === 'number' ? (verdict('av.sync')!.measured as number) : null);
      const inside = (ms: number) => ms >= -maxEarly && ms <= maxLate;
      const videoEndS = video ? (video.endS ?? video.startS + (video.durationS ?? durationS)) : null;
      if (startMs === null || videoEndS === null) decide('av.sync', 'cannot-fix', words('fix/cannot/unknown-offset'));
      else {
        const shift = inside(startMs) ? 0 : -startMs / 1000;
        // Where the sound's packets end once shifted (AAC: 1024 samples a packet), against the picture's end.
        const endMs = audioEndAfterShiftMs(audio, facts.sync?.endOffsetMs ?? null, shift, videoEndS);
        const pad = endMs !== null && endMs < -maxEarly;
        if ((endMs !== null && endMs > maxLate) || (shift === 0 && !pad)) {
          decide('av.sync', 'cannot-fix', words('fix/cannot/drift', { startMs: round(startMs, 1), endMs: round(facts.sync?.endOffsetMs ?? endMs ?? 0, 1) }));
        } else {
          const ms = Math.round(Math.abs(startMs));
          const says = shift === 0 ? words('fix/do/sync-pad', { ms: Math.round(-endMs!) }) : words(startMs > 0 ? 'fix/do/sync-earlier' : 'fix/do/sync-later', { ms });
          const warnings = shift !== 0 && pad ? [words('fix/do/sync-pad', { ms: Math.round(-endMs!) })] : [];
          if (fixIfAsked('av.sync', says, warnings)) {
            shiftS = round(shift, 4);
            if (pad) {
              encodeAudio = true;
              padToEndS = videoEndS;
            }
          }
        }
      }
    }
  }
  for (const rule of [...AUDIO_RULES, 'av.sync']) if (isFailing(rule) && !audio && !fixes.has(rule)) decide(rule, 'cannot-fix', words('fix/cannot/no-audio'));

  // --- the cut: intro, parts ---------------------------------------------------------------------
  /**
   * The seconds to cut from an over-long intro (its start) or outro (its end), leaving just under the
   * limit, when `--trim-intro` asks for it; null when nothing is cut (and the rule says why).
   */
  const cutOf = (part: 'intro' | 'outro', defaultMaxS: number): number | null => {
    const rule = `${part}.duration` as const;
    if (!isFailing(rule)) return null;
    const m = verdict(rule)!.measured as { durationS?: number } | null;
    const maxS = Number(opt(rule).maxS ?? defaultMaxS);
    if (!m || typeof m.durationS !== 'number') {
      decide(rule, 'cannot-fix', words(`fix/cannot/${part}-not-detected`));
      return null;
    }
    if (!options.trimIntro) {
      needsOption(rule, words(`fix/needs/trim-${part}`, { maxS }));
      return null;
    }
    const cutS = Math.min(m.durationS, Math.max(0, m.durationS - maxS + TRIM_MARGIN_S));
    const [cut, left] = [round(cutS, 2), round(m.durationS - cutS, 2)];
    const says = part === 'intro' ? words('fix/do/trim-intro', { cutS: cut, introS: m.durationS, leftS: left }) : words('fix/do/trim-outro', { cutS: cut, outroS: m.durationS, leftS: left });
    return fixIfAsked(rule, says) ? cutS : null;
  };
  const trimStartS = cutOf('intro', 10) ?? 0;
  // Where the lesson ends: its end, or earlier when an over-long outro is cut (its end, so that the lesson itself stays whole).
  const endS = durationS - (cutOf('outro', 5) ?? 0);
  if (trimStartS > 0 || endS < durationS) plan.trim = { startS: trimStartS, endS: endS < durationS ? endS : null };
  const trimmedEnd = endS < durationS;
  const durationOptions = opt('video.duration');
  const minPartS = Number(durationOptions.minS ?? 300);
  const maxPartS = Number(durationOptions.maxS ?? 900);
  let splitting = false;
  if (isFailing('video.duration')) {
    const tooLong = durationS * timeScale > maxPartS;
    if (!tooLong) decide('video.duration', 'cannot-fix', words('fix/cannot/too-short', { minS: minPartS }));
    else if (!options.split) needsOption('video.duration', words('fix/needs/split'));
    else if (fixIfAsked('video.duration', words('fix/do/split-pending', { durationS: round(durationS, 1), minS: minPartS, maxS: maxPartS }))) splitting = true;
  }

  // --- the bit rates -----------------------------------------------------------------------------
  let audioRateBps = AUDIO_RATE_BPS;
  if (audio?.measuredBitrateBps && audio.measuredBitrateBps > AUDIO_RATE_BPS) audioRateBps = Math.min(AUDIO_MAX_RATE_BPS, Math.ceil(audio.measuredBitrateBps / 32_000) * 32_000);
  let videoRateBps: number | null = null;
  if (video) {
    const source = (video.measuredBitrateBps ?? 0) * (EFFICIENT_CODECS.has(video.codec) ? 1.5 : 1);
    videoRateBps = roundRate(clamp(source, 1.2 * floorBps, Math.max(1.2 * floorBps, VIDEO_CAP_BPS)));
  }
  if (isFailing('file.size')) {
    const maxBytes = Number(opt('file.size').maxBytes ?? 1024 ** 3);
    // Parts are judged one by one: a split lesson must fit part by part.
    const longestS = splitting ? Math.min(endS - trimStartS, maxPartS) : endS - trimStartS;
    const otherBps = (audio ? (encodeAudio ? audioRateBps : (audio.measuredBitrateBps ?? audioRateBps)) : 0) + 16_000;
    const budgetBps = longestS > 0 ? (maxBytes * 0.97 * 8) / longestS - otherBps : Infinity;
    if (!video) decide('file.size', 'cannot-fix', words('fix/cannot/no-video'));
    else if (budgetBps < floorBps) {
      decide('file.size', 'cannot-fix', words('fix/cannot/size', { floorBps, estimatedBytes: Math.round(((floorBps + otherBps) * longestS) / 8) }));
    } else {
      const rateBps = roundRate(Math.min(videoRateBps ?? budgetBps, budgetBps));
      const says = words('fix/do/file-size', { rateBps, maxBytes, estimatedBytes: Math.round(((rateBps + otherBps) * longestS) / 8) });
      if (fixIfAsked('file.size', says)) {
        encodeVideo = true;
        videoRateBps = rateBps;
      }
    }
  }
  // Now that the rates are known, the messages that show them.
  for (const rule of ['video.codec', 'video.bitrate']) {
    const fix = fixes.get(rule);
    if (fix?.status === 'fix' && fix.says.params) fix.says = { ...fix.says, params: { ...fix.says.params, rateBps: videoRateBps ?? 0 } };
  }
  for (const rule of ['audio.codec', 'audio.bitrate']) {
    const fix = fixes.get(rule);
    if (fix?.status === 'fix' && fix.says.params) fix.says = { ...fix.says, params: { ...fix.says.params, rateBps: audioRateBps } };
  }

  // --- every other rule not met ------------------------------------------------------------------
  for (const rule of failing.keys()) {
    if (fixes.has(rule)) continue;
    if (rule === 'container.mp4') decide(rule, 'fix', words('fix/do/remux'));
    else if (rule === 'subtitle.encoding' || rule === 'subtitle.line-length') {
      // Below, with the sidecars.
    } else if (rule === 'audio.snr') needsOption(rule, words('fix/needs/denoise'));
    else decide(rule, 'cannot-fix', words(CANNOT[rule] ?? 'fix/cannot/no-automatic-fix'));
  }

  // --- subtitles ---------------------------------------------------------------------------------
  const sidecars = facts.subtitles.filter((t) => t.source === 'sidecar');
  const subtitleFixes: { source: string; fix: boolean; rewrap: boolean }[] = [];
  for (const track of sidecars) {
    const mine = (rule: string) => (failing.get(rule) ?? []).some((f) => f.subtitle === track.path || (f.subtitle === undefined && sidecars.length === 1));
    const badEncoding = mine('subtitle.encoding') || !track.encoding.validUtf8;
    const tooLong = mine('subtitle.line-length');
    const fixEncoding = badEncoding && isFailing('subtitle.encoding') && asked('subtitle.encoding');
    const rewrap = tooLong && asked('subtitle.line-length');
    subtitleFixes.push({ source: track.path, fix: fixEncoding || rewrap, rewrap });
  }
  for (const rule of ['subtitle.encoding', 'subtitle.line-length'] as const) {
    if (!isFailing(rule) || fixes.has(rule)) continue;
    if (sidecars.length === 0) decide(rule, 'cannot-fix', words('fix/cannot/no-automatic-fix'));
    else if (rule === 'subtitle.encoding') {
      const bad = sidecars.find((t) => !t.encoding.validUtf8);
      fixIfAsked(rule, words('fix/do/subtitle-utf8', { encoding: bad?.encoding.encoding ?? 'unknown' }));
    } else fixIfAsked(rule, words('fix/do/subtitle-rewrap'));
  }

  if (finish().outcome !== 'fix') return plan;
  if (!isFailing('container.mp4')) plan.warnings.push(words('fix/do/mp4-output'));

  // --- outputs and commands ----------------------------------------------------------------------
  const preset = options.preset ?? 'medium';
  // A cut re-encodes both streams: with the bundled ffmpeg, a copied stream cut by seeking keeps the
  // frames back to the previous keyframe (hidden by an edit list) and a wrong movie duration, and a
  // copied picture with B-frames puts the next part's first frame into the part before.
  const cutting = trimStartS > 0 || trimmedEnd || splitting;
  if (cutting) {
    if (video && !encodeVideo) encodeVideo = true;
    if (audio && !encodeAudio) encodeAudio = true;
    plan.warnings.push(words('fix/warn/cut-reencodes'));
  }
  if (splitting && !measured.boundaries) plan.pending.push('boundaries');
  if (loudness && !measured.loudness) plan.pending.push('loudness');

  const videoEncoding = (mode: 'copy' | 'encode'): VideoEncoding | null =>
    video ? { mode, filters: mode === 'encode' ? [...videoFilters, 'format=yuv420p'] : [], rateBps: mode === 'encode' ? videoRateBps : null, fps: mode === 'encode' ? fps : null, preset } : null;
  const audioEncoding: AudioEncoding | null = audio
    ? { mode: encodeAudio ? 'encode' : 'copy', filters: encodeAudio ? audioFilters : [], loudness, rateBps: encodeAudio ? audioRateBps : null, shiftS, padToEndS, fullStereo }
    : null;
  const textStreams = facts.subtitleStreams.filter((s) => TEXT_SUBTITLE_CODECS.has(s.codec)).map((s) => s.streamIndex);
  for (const s of facts.subtitleStreams) if (!TEXT_SUBTITLE_CODECS.has(s.codec)) plan.warnings.push(words('fix/warn/bitmap-subtitles', { stream: s.streamIndex }));

  // A part's duration is null when it runs to the file's end.
  const lengthTo = (startS: number, toS: number) => (toS < durationS ? toS - startS : null);
  let parts: { startS: number; durationS: number | null }[] = [{ startS: trimStartS, durationS: lengthTo(trimStartS, endS) }];
  if (splitting) {
    plan.split = { cuts: null, minPartS, maxPartS };
    if (measured.boundaries) {
      const cuts = chooseCuts({
        startS: trimStartS,
        endS,
        // The parts' limits are on the output's clock.
        minPartS: (minPartS + 1) / timeScale,
        maxPartS: (maxPartS - 1) / timeScale,
        evidence: measured.boundaries,
      });
      plan.split.cuts = cuts;
      const edges = [trimStartS, ...cuts.map((c) => c.atS), endS];
      parts = edges.slice(0, -1).map((startS, i) => ({ startS, durationS: lengthTo(startS, edges[i + 1]!) }));
      for (const cut of cuts) if (!cut.natural) plan.warnings.push(words('fix/warn/no-natural-boundary', { atS: cut.atS }));
      const fix = fixes.get('video.duration')!;
      fix.says = words('fix/do/split', { durationS: round(endS - trimStartS, 1), parts: parts.length, cuts: cuts.map((c) => formatCut(c.atS)) });
    }
  }

  const pendingParts = splitting && !measured.boundaries;
  if (!pendingParts) {
    parts.forEach((part, i) => {
      const n = parts.length > 1 ? i + 1 : null;
      const name = n === null ? stem : `${stem}-part${n}`;
      const path = join(outputDir, `${name}.mp4`);
      const partial = join(outputDir, `${name}.partial.mp4`);
      const mode: 'copy' | 'encode' = encodeVideo ? 'encode' : 'copy';
      const output: PlannedOutput = { path, partial, part: n, startS: part.startS, durationS: part.durationS, timeScale, video: videoEncoding(mode), audio: audioEncoding };
      plan.outputs.push(output);
    });
  }

  // Two lessons of the same name would overwrite each other's output.
  for (const output of plan.outputs) {
    const other = names.get(output.path);
    if (other !== undefined && other !== file.path) {
      plan.outcome = 'cannot-fix';
      plan.reason = words('fix/error/same-output', { path: file.path, other, output: output.path });
      plan.outputs = [];
      return plan;
    }
  }
  for (const output of plan.outputs) names.set(output.path, file.path);

  // Subtitles go beside each output, cut and shifted with it.
  const partRanges = plan.outputs.map((o) => ({ name: basename(o.path, '.mp4'), fromS: o.startS, toS: o.durationS === null ? null : o.startS + o.durationS, timeScale: o.timeScale }));
  for (const s of subtitleFixes) {
    plan.subtitles.push({
      source: s.source,
      fix: s.fix,
      rewrap: s.rewrap,
      outputs: partRanges.map((r) => ({ path: join(outputDir, sidecarName(basename(s.source), stem, r.name)), fromS: r.fromS, toS: r.toS, timeScale: r.timeScale })),
    });
  }
  if ((trimStartS > 0 || trimmedEnd || splitting) && subtitleFixes.length > 0) plan.warnings.push(words('fix/do/subtitle-retime'));

  // --- the steps ---------------------------------------------------------------------------------
  const path = file.path;
  if (plan.pending.includes('boundaries')) {
    const snr = firstOf.get('audio.snr')?.measured as { noiseLevelDbfs?: number | null } | undefined;
    const silenceDb = clamp(Math.round((snr?.noiseLevelDbfs ?? -62) + 12), -70, -35);
    plan.steps.push(step('find-boundaries', 'ffmpeg', boundaryArgs(path, silenceDb, audio !== null), durationS));
  }
  if (plan.pending.includes('loudness') && audioEncoding) {
    plan.steps.push(step('measure-loudness', 'ffmpeg', loudnessMeasureArgs(path, trimStartS, lengthTo(trimStartS, endS), audioFilters, LOUDNESS_TARGET), endS - trimStartS));
  }
  if (pendingParts) {
    // The parts are known once the boundaries are: one encode per part, shown for the whole for now.
    const mode = encodeVideo ? 'encode' : 'copy';
    const template = {
      input: path,
      startS: placeholder('part.startS'),
      durationS: placeholder('part.durationS'),
      video: videoEncoding(mode),
      audio: audioEncoding,
      subtitleStreams: textStreams,
      output: join(outputDir, `${stem}-part<n>.partial.mp4`),
      measured: measured.loudness ?? null,
      timeScale,
    };
    plan.steps.push({ ...step('encode', 'ffmpeg', encodeArgs(template), endS - trimStartS), says: words('fix/step/encode-part', { part: '<n>', output: join(outputDir, `${stem}-part<n>.mp4`) }) });
  }
  for (const output of plan.outputs) {
    const args = encodeArgs({
      input: path,
      startS: output.startS,
      durationS: output.durationS,
      video: output.video,
      audio: output.audio,
      subtitleStreams: textStreams,
      output: output.partial,
      measured: measured.loudness ?? null,
      timeScale: output.timeScale,
    });
    const length = (output.durationS ?? durationS - output.startS) * output.timeScale;
    plan.steps.push({
      kind: 'encode',
      says: output.part === null ? words('fix/step/encode', { output: output.path }) : words('fix/step/encode-part', { part: output.part, output: output.path }),
      tool: 'ffmpeg',
      args,
      output: output.path,
      partial: output.partial,
      durationS: length,
      part: output.part,
    });
  }
  if (plan.pending.length > 0) plan.warnings.push(words('fix/warn/pending'));
  return plan;

  function step(kind: FixStepKind, tool: 'ffmpeg', args: string[], stepDurationS: number): FixStep {
    return { kind, says: words(`fix/step/${kind}` as FixWords['messageId']), tool, args, output: null, partial: null, durationS: stepDurationS, part: null };
  }
}

/**
 * How far the end of the sound will be from the end of the picture once the sound is moved by
 * `shiftS`, in ms (positive: the sound ends late). For AAC, from its packets (1024 samples each,
 * from the first packet's time), which says where the sound really stops; otherwise from the end
 * offset the check measured.
 */
function audioEndAfterShiftMs(audio: NonNullable<FileResult['facts']>['audio'], endOffsetMs: number | null, shiftS: number, videoEndS: number): number | null {
  if (audio && audio.codec === 'aac' && audio.packetCount > 0 && audio.sampleRateHz > 0) {
    const firstPacketS = audio.startS - audio.uncompensatedPrimingS;
    const endS = firstPacketS + (audio.packetCount * 1024) / audio.sampleRateHz;
    return (endS + shiftS - videoEndS) * 1000;
  }
  return endOffsetMs === null ? null : endOffsetMs + shiftS * 1000;
}

/** `lesson.zh.srt` beside `lesson.mp4` becomes `lesson-part1.zh.srt` beside `lesson-part1.mp4`. */
export function sidecarName(sidecar: string, stem: string, outputStem: string): string {
  if (sidecar.startsWith(stem)) return outputStem + sidecar.slice(stem.length);
  return outputStem + extname(sidecar);
}

/**
 * The allowed rate to convert to: the one the measured rate is most nearly a whole multiple of
 * (30 → 29.97, 50 → 25, 60 → 29.97: whole frames dropped evenly), else the nearest (24 → 25).
 */
export function targetFps(measuredFps: number | null, allowed: string): { value: number; text: string } {
  const rates = allowed.split(',').map((text) => {
    const [num, den] = text.trim().split('/').map(Number);
    return { text: text.trim(), value: den ? num! / den : num! };
  });
  if (measuredFps === null || !Number.isFinite(measuredFps) || measuredFps <= 0) return rates[0]!;
  const misfit = (a: number) => Math.abs(measuredFps / a - Math.max(1, Math.round(measuredFps / a)));
  return [...rates].sort((a, b) => misfit(a.value) - misfit(b.value) || Math.abs(measuredFps - a.value) - Math.abs(measuredFps - b.value))[0]!;
}

/**
 * How a frame rate becomes the target: `drop` (whole frames dropped evenly: 30 → 29.97, 50 → 25),
 * `speed` (a rate up to 5 % under the target, 23.976 or 24 → 25: every frame kept and shown a little
 * sooner, as film is for PAL television, since repeating one frame a second is the judder that
 * video.stability finds), or `repeat` (frames repeated: the only way up from 15 or 20 fps).
 */
export function conversionOf(fromFps: number | null, toFps: number): 'drop' | 'speed' | 'repeat' {
  if (fromFps === null || !Number.isFinite(fromFps) || fromFps <= 0 || fromFps >= toFps) return 'drop';
  return toFps / fromFps <= 1.05 ? 'speed' : 'repeat';
}

/** The displayed size scaled up so that its shorter side is `minShort`, both sides even. */
export function upscaledSize(width: number, height: number, minShort: number): { width: number; height: number } {
  const factor = minShort / Math.min(width, height);
  const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
  return width <= height ? { width: even(minShort), height: even(height * factor) } : { width: even(width * factor), height: even(minShort) };
}

function formatCut(atS: number): string {
  const m = Math.floor(atS / 60);
  const s = atS - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** To the kilobit, as `-b:v 1200k` says it. */
function roundRate(bps: number): number {
  return Math.round(bps / 1000) * 1000;
}
