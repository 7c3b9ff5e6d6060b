import { describe, expect, it } from 'vitest';
import type { MediaFacts } from '../../facts/facts.js';
import { fileStatusOf, type FileResult, type Finding } from '../../facts/finding.js';
import { factsForReport } from '../../facts/reported-facts.js';
import { builtinProfiles } from '../../profiles/builtin.js';
import { resolveProfile } from '../../profiles/load-profile.js';
import type { Profile } from '../../profiles/profile.js';
import { buildReport, type Report } from '../../report/report.js';
import { makeAudioAnalysis, makeFacts, makeTrack, NO_DAMAGE, makeFrames } from '../../testing/make-facts.js';
import { conversionOf, planFixes, targetFps, upscaledSize, type FixPlan, type PlanOptions } from './plan.js';
import { fixCatalogues, say } from './words.js';

/**
 * Planning on reports built from facts: each rule's own `check` judges the facts (as the engine
 * does), and the plan is read back: per failing rule, what is done or why not, and the commands.
 */
const web = resolveProfile('web', builtinProfiles.web, 'web');

function judge(facts: MediaFacts, profile: Profile = web): Finding[] {
  return profile.settings
    // A file's rules (the project rules judge a project's lessons together, not a file).
    .filter((s) => s.rule.area !== 'project' && (facts.kind === 'media' || s.rule.area === 'subtitle'))
    .flatMap(({ rule, severity, options }) => {
      const result = rule.check(facts, options, { language: 'zh' });
      return (Array.isArray(result) ? result : [result]).map((o) => {
        const status = o.status === 'fail' && severity === 'warning' ? 'warn' : o.status;
        return { ...o, rule: rule.id, status, severity, params: o.params ?? {}, message: '', expected: '' } as Finding;
      });
    });
}

function reportOf(files: [string, MediaFacts][], profile: Profile = web): Report {
  const results: FileResult[] = files.map(([path, facts]) => {
    const findings = judge(facts, profile);
    return { path, status: fileStatusOf(findings), facts: factsForReport(facts), findings, error: null };
  });
  return buildReport(results, { profile: profile.name, versions: { ffmpeg: 'ffmpeg test', ffprobe: 'ffprobe test' }, quick: false, language: 'zh', rules: {} });
}

/** A lesson that passes every rule; tests override what they study. */
function lesson(overrides: Parameters<typeof makeFacts>[0] = {}): MediaFacts {
  return makeFacts({
    sizeBytes: 100_000_000,
    audioAnalysis: makeAudioAnalysis(),
    videoAnalysis: { frameCount: 15000, damage: NO_DAMAGE, analysisWidth: 64, analysisHeight: 36, frames: makeFrames(0) },
    subtitles: [makeTrack([['欢迎来到本课程。']], { path: 'lessons/01.srt' })],
    ...overrides,
  });
}

const OUT = '/tmp/fixed';
function planOne(facts: MediaFacts, options: Partial<PlanOptions> = {}, path = 'lessons/01.mov'): FixPlan {
  return planFixes(reportOf([[path, facts]], options.profile), { outputDir: OUT, preset: 'medium', ...options })[0]!;
}
const ruleOf = (plan: FixPlan, rule: string) => plan.rules.find((r) => r.rule === rule);
const encode = (plan: FixPlan) => plan.steps.filter((s) => s.kind === 'encode');
/** The value after an option in an argument array. */
const after = (args: string[], option: string) => (args.includes(option) ? args[args.indexOf(option) + 1] : undefined);

describe('planFixes: the smallest change', () => {
  it('a passing lesson has nothing to fix and no steps', () => {
    const plan = planOne(lesson(), {}, 'lessons/01.mp4');
    expect(plan.outcome).toBe('nothing-to-fix');
    expect(plan.steps).toEqual([]);
  });

  it('a QuickTime file with H.264 and AAC is remuxed: both streams copied, faststart, a file: output', () => {
    const plan = planOne(lesson({ container: { signature: 'quicktime', majorBrand: 'qt  ', compatibleBrands: ['qt  '], formatName: 'mov,mp4,m4a,3gp,3g2,mj2', statedBitrateBps: null } }));
    expect(plan.outcome).toBe('fix');
    expect(ruleOf(plan, 'container.mp4')).toMatchObject({ status: 'fix', says: { messageId: 'fix/do/remux' } });
    const [step] = encode(plan);
    expect(step!.args).toEqual(expect.arrayContaining(['-c:v', 'copy', '-c:a', 'copy', '-movflags', '+faststart']));
    expect(step!.args).not.toContain('libx264');
    expect(step!.args.at(-1)).toBe('file:/tmp/fixed/01.partial.mp4');
    expect(step!.output).toBe('/tmp/fixed/01.mp4');
    // The input through inputArgs(): whitelists, an absolute file: address.
    expect(step!.args).toEqual(expect.arrayContaining(['-protocol_whitelist', 'file', '-i']));
    expect(step!.args[step!.args.indexOf('-i') + 1]).toMatch(/^file:\//);
  });

  it('re-encodes only the failing stream: HEVC picture to H.264 High at ≥ 1.2 × the floor, the sound copied', () => {
    const plan = planOne(lesson({ video: { codec: 'hevc', profile: 'Main', measuredBitrateBps: 2_000_000 } }));
    const args = encode(plan)[0]!.args;
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'libx264', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-c:a', 'copy']));
    // 2 Mbps of HEVC ≈ 3 Mbps of H.264; constant, with filler, so a still slide keeps the floor.
    expect(after(args, '-b:v')).toBe('3000k');
    expect(after(args, '-minrate')).toBe('3000k');
    expect(after(args, '-x264-params')).toBe('nal-hrd=cbr');
  });

  it('raises a low video bit rate to 1.2 × the profile floor (web 1 Mbps, archive 4 Mbps)', () => {
    const low = lesson({ video: { measuredBitrateBps: 400_000 } });
    expect(after(encode(planOne(low))[0]!.args, '-b:v')).toBe('1200k');
    const archive = resolveProfile('archive', builtinProfiles.archive, 'archive');
    const plan = planOne(low, { profile: archive });
    expect(after(encode(plan)[0]!.args, '-b:v')).toBe('4800k');
    expect(say(ruleOf(plan, 'video.bitrate')!.says)).toBe('re-encode the picture at a constant 4.8 Mbps: the floor is 4 Mbps');
  });

  it('converts 30 fps to 29.97 and 50 to 25 (whole frames), 24 to 25 (nearest), constant', () => {
    expect(targetFps(30, '25,30000/1001').text).toBe('30000/1001');
    expect(targetFps(50, '25,30000/1001').text).toBe('25');
    expect(targetFps(60, '25,30000/1001').text).toBe('30000/1001');
    expect(targetFps(24, '25,30000/1001').text).toBe('25');
    expect(targetFps(23.976, '25,30000/1001').text).toBe('25');
    const plan = planOne(lesson({ video: { timing: { ...lesson().video!.timing, nominalFps: 30, nominalFrameDurationS: 1 / 30 } } }));
    const args = encode(plan)[0]!.args;
    expect(after(args, '-filter:v')).toBe('fps=fps=30000/1001,format=yuv420p');
    expect(args).toEqual(expect.arrayContaining(['-r', '30000/1001', '-vsync', 'cfr']));
  });

  it('24 fps becomes 25 by a 4 % speed-up (every frame kept, the sound along at its pitch); 20 fps by repeats, with a warning', () => {
    expect([conversionOf(30, 30000 / 1001), conversionOf(50, 25), conversionOf(24, 25), conversionOf(24000 / 1001, 25), conversionOf(20, 25)]).toEqual(['drop', 'drop', 'speed', 'speed', 'repeat']);
    const at = (fps: number) => lesson({ video: { timing: { ...lesson().video!.timing, nominalFps: fps, nominalFrameDurationS: 1 / fps } } });
    const sped = planOne(at(24), {}, 'a.mp4');
    const args = encode(sped)[0]!.args;
    expect(after(args, '-filter:v')).toBe('setpts=PTS*0.960000000,format=yuv420p');
    expect(after(args, '-filter:a')).toMatch(/^atempo=1\.04166667,/);
    expect(args).toEqual(expect.arrayContaining(['-r', '25', '-vsync', 'cfr']));
    expect(sped.outputs[0]!.timeScale).toBeCloseTo(0.96, 9);
    expect(say(ruleOf(sped, 'video.frame-rate')!.says)).toBe(
      'play the lesson 4.2% faster, so that its 24 fps become 25 fps with every frame kept (as film is sped up for PAL), the sound at its own pitch: 10:00 becomes 9:36',
    );
    // The subtitles follow the picture's clock.
    expect(sped.subtitles[0]!.outputs[0]!.timeScale).toBeCloseTo(0.96, 9);
    const repeated = planOne(at(20), {}, 'a.mp4');
    expect(ruleOf(repeated, 'video.frame-rate')!.warnings).toEqual([{ messageId: 'fix/warn/repeats-frames', params: { fromFps: 20, toFps: 25 } }]);
  });

  it('scales a picture under 720 lines up with lanczos, and warns that it adds no detail; never when upscaling is not allowed', () => {
    expect(upscaledSize(640, 360, 720)).toEqual({ width: 1280, height: 720 });
    expect(upscaledSize(480, 360, 720)).toEqual({ width: 960, height: 720 });
    expect(upscaledSize(360, 640, 720)).toEqual({ width: 720, height: 1280 });
    const small = lesson({ video: { codedWidth: 640, codedHeight: 360, displayWidth: 640, displayHeight: 360, measuredBitrateBps: 1_500_000 } });
    const plan = planOne(small);
    expect(ruleOf(plan, 'video.resolution')).toMatchObject({ status: 'fix', warnings: [{ messageId: 'fix/warn/upscale-no-detail' }] });
    expect(after(encode(plan)[0]!.args, '-filter:v')).toBe('scale=1280:720:flags=lanczos,setsar=1,format=yuv420p');
    const refused = planOne(small, { upscale: false });
    expect(ruleOf(refused, 'video.resolution')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/no-upscale' } });
    expect(refused.outcome).toBe('cannot-fix');
    expect(refused.steps).toEqual([]);
  });
});

describe('planFixes: the sound', () => {
  const stereo = (overrides: Parameters<typeof makeAudioAnalysis>[0]) => lesson({ audioAnalysis: makeAudioAnalysis(overrides) });

  it('mono goes to both channels at its own level; 44.1 kHz is resampled; the picture is copied', () => {
    const plan = planOne(lesson({ audio: { channels: 1, channelLayout: 'mono', sampleRateHz: 44100 } }), {}, 'a.mp4');
    const args = encode(plan)[0]!.args;
    expect(after(args, '-filter:a')).toBe('pan=stereo|c0=c0|c1=c0,aresample=48000,aformat=sample_rates=48000:channel_layouts=stereo');
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'copy', '-c:a', 'aac', '-b:a', '192k', '-ar', '48000', '-ac', '2']));
  });

  it('narration on one channel only: the live channel is copied to both; a quieter one is mixed in', () => {
    const silentRight = planOne(stereo({ channelBalance: { levelsDbfs: [-20, null], differenceDb: null, activeFrames: 100 } }), {}, 'a.mp4');
    expect(ruleOf(silentRight, 'audio.channel-balance')).toMatchObject({ status: 'fix', says: { messageId: 'fix/do/balance-copy', params: { silent: 'right', live: 'left' } } });
    expect(after(encode(silentRight)[0]!.args, '-filter:a')).toMatch(/^pan=stereo\|c0=c0\|c1=c0,/);
    const quiet = planOne(stereo({ channelBalance: { levelsDbfs: [-35, -20], differenceDb: -15, activeFrames: 100 } }), {}, 'a.mp4');
    expect(after(encode(quiet)[0]!.args, '-filter:a')).toMatch(/^pan=stereo\|c0=0\.5\*c0\+0\.5\*c1\|c1=0\.5\*c0\+0\.5\*c1,/);
  });

  it('loudness: a leveller, then EBU R128 in two passes; the second pass waits for the first', () => {
    const unsteady = stereo({ loudness: { integratedLufs: -21.6, loudnessRangeLu: 12.6, shortTermMedianLufs: -24, maxShortTermLufs: -19, swings: [] } });
    const plan = planOne(unsteady, {}, 'a.mp4');
    expect(ruleOf(plan, 'audio.loudness')).toMatchObject({ status: 'fix', before: { status: 'warn' } });
    expect(plan.pending).toEqual(['loudness']);
    const [measure, enc] = plan.steps;
    expect(measure!.kind).toBe('measure-loudness');
    expect(after(measure!.args, '-filter:a')).toBe('dynaudnorm=f=250:g=15:p=0.9:m=10,loudnorm=I=-16:LRA=7:TP=-1.5:print_format=json');
    expect(after(enc!.args, '-filter:a')).toContain('loudnorm=I=-16:LRA=7:TP=-1.5:measured_I=<loudness.input_i>:');
    expect(plan.warnings).toContainEqual({ messageId: 'fix/warn/pending' });
    // Measured: the exact second pass.
    const measured = { input_i: '-11.03', input_tp: '-1.14', input_lra: '5.40', input_thresh: '-21.57', target_offset: '0.38' };
    const exact = planFixes(reportOf([['a.mp4', unsteady]]), { outputDir: OUT, measurements: new Map([['a.mp4', { loudness: measured }]]) })[0]!;
    expect(exact.pending).toEqual([]);
    expect(exact.steps.map((s) => s.kind)).toEqual(['encode']);
    expect(after(exact.steps[0]!.args, '-filter:a')).toBe(
      'dynaudnorm=f=250:g=15:p=0.9:m=10,loudnorm=I=-16:LRA=7:TP=-1.5:measured_I=-11.03:measured_TP=-1.14:measured_LRA=5.40:measured_thresh=-21.57:offset=0.38:linear=true,aresample=48000,aformat=sample_rates=48000:channel_layouts=stereo',
    );
  });

  it('hum: notches at the mains frequency and its harmonics, only when audio.hum fails', () => {
    const hum = { mainsHz: 60, frequencyHz: 180, levelDbfs: -55, prominenceDb: 30, pausesWithHum: 10, pauses: 12, windowStartsS: [1, 2] };
    const plan = planOne(stereo({ hum: { pauses: 12, strongest: hum } }), {}, 'a.mp4');
    expect(after(encode(plan)[0]!.args, '-filter:a')).toMatch(/^bandreject=f=60:width_type=h:w=8,bandreject=f=120:.*bandreject=f=240:width_type=h:w=8,aresample/);
    const quiet = planOne(stereo({ hum: { pauses: 12, strongest: { ...hum, pausesWithHum: 2 } } }), {}, 'a.mp4');
    expect(quiet.outcome).toBe('nothing-to-fix');
  });

  it('noise is reduced only with --denoise; without it the plan says how', () => {
    const noisy = stereo({ snr: { speechLevelDbfs: -12, noiseLevelDbfs: -57, snrDb: 45, frameCount: 1000, digitalSilenceFrames: 0, pausesAreDigitalSilence: false } });
    const plain = planOne(noisy, {}, 'a.mp4');
    expect(ruleOf(plain, 'audio.snr')).toMatchObject({ status: 'needs-option', says: { messageId: 'fix/needs/denoise' } });
    expect(plain.steps).toEqual([]);
    const denoised = planOne(noisy, { denoise: true }, 'a.mp4');
    expect(after(encode(denoised)[0]!.args, '-filter:a')).toMatch(/^afftdn=nr=17:nf=-57:tn=1,/);
  });

  it('a late sound is moved by the measured offset through a second input of the same file, still copied', () => {
    const late = lesson({ audio: { startS: 0.3, endS: 600.3, packetCount: 28125 }, sync: { startOffsetMs: 300, endOffsetMs: 300 } });
    const plan = planOne(late, {}, 'a.mp4');
    expect(ruleOf(plan, 'av.sync')).toMatchObject({ status: 'fix', says: { messageId: 'fix/do/sync-earlier', params: { ms: 300 } } });
    const args = encode(plan)[0]!.args;
    const inputs = args.filter((a) => a === '-i').length;
    expect(inputs).toBe(2);
    expect(args).toEqual(expect.arrayContaining(['-itsoffset', '-0.300', '-map', '0:v:0', '-map', '1:a:0', '-c:a', 'copy', '-c:v', 'copy']));
    // Audio that would stop early once moved is padded with silence to the picture's end (and so re-encoded).
    const cut = lesson({ audio: { startS: 0.3, endS: 600.3, packetCount: 27984 }, sync: { startOffsetMs: 300, endOffsetMs: 300 } });
    expect(after(encode(planOne(cut, {}, 'a.mp4'))[0]!.args, '-filter:a')).toContain('apad=whole_len=28800000');
    // A drift (in step at the start, late at the end) cannot be fixed by a shift.
    const drift = lesson({ audio: { endS: 600.5, packetCount: 28149 }, sync: { startOffsetMs: 0, endOffsetMs: 500 } });
    expect(ruleOf(planOne(drift, {}, 'a.mp4'), 'av.sync')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/drift' } });
  });

  it('over the notice’s 1.4 Mbps but above the floor, audio.bitrate is said plainly to be beyond AAC; under the floor it is re-encoded', () => {
    const plan = planOne(lesson(), {}, 'a.mp4');
    expect(plan.outcome).toBe('nothing-to-fix');
    expect(ruleOf(plan, 'audio.bitrate')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/aac-ceiling' } });
    const low = planOne(lesson({ audio: { measuredBitrateBps: 64_000 } }), {}, 'a.mp4');
    expect(ruleOf(low, 'audio.bitrate')).toMatchObject({ status: 'fix', says: { params: { rateBps: 192_000, fromBps: 64_000 } } });
  });
});

describe('planFixes: what it cannot fix, and what must be asked for', () => {
  it('says plainly what cannot be fixed, and writes nothing for it', () => {
    const facts = lesson({
      video: { displayWidth: 1000, displayHeight: 1000, codedWidth: 1000, codedHeight: 1000 },
      audioAnalysis: makeAudioAnalysis({ clipping: { peakDbfs: 1.2, clippedRuns: 40, overshootSamples: 300, ranges: [{ start: 1, end: 2 }], rangeCount: 1 } }),
    });
    const plan = planOne(facts, {}, 'a.mp4');
    expect(plan.outcome).toBe('cannot-fix');
    expect(plan.steps).toEqual([]);
    expect(ruleOf(plan, 'audio.clipping')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/clipping' } });
    expect(ruleOf(plan, 'video.aspect')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/aspect' } });
    expect(plan.rules.every((r) => r.status !== 'fix')).toBe(true);
  });

  it('a file that could not be checked is not fixed', () => {
    const report = reportOf([]);
    report.files.push({ path: 'gone.mp4', status: 'error', facts: null, findings: [], error: { code: 'not-found', message: 'no such file' } });
    const [plan] = planFixes(report, { outputDir: OUT });
    expect(plan).toMatchObject({ outcome: 'cannot-fix', reason: { messageId: 'fix/cannot/file-error', params: { detail: 'no such file' } } });
  });

  it('--only leaves the other rules as they are (their streams copied)', () => {
    const facts = lesson({ video: { codec: 'mpeg4', profile: null }, audio: { codec: 'mp3', profile: null } });
    const plan = planOne(facts, { only: ['audio.codec'] }, 'a.mp4');
    expect(ruleOf(plan, 'video.codec')).toMatchObject({ status: 'not-asked' });
    expect(ruleOf(plan, 'audio.codec')).toMatchObject({ status: 'fix' });
    expect(encode(plan)[0]!.args).toEqual(expect.arrayContaining(['-c:v', 'copy', '-c:a', 'aac']));
  });

  it('an over-long intro needs --trim-intro; with it, its start is cut to leave just under the limit, subtitles shifted', () => {
    const intro = (durationS: number) => ({ measured: { durationS, source: 'chapter' } });
    const facts = lesson({ chapters: [{ title: '片头', startS: 0, endS: 15 }, { title: '第一节', startS: 15, endS: 600 }] });
    const plain = planOne(facts, {}, 'lessons/01.mp4');
    expect(ruleOf(plain, 'intro.duration')).toMatchObject({ status: 'needs-option', says: { messageId: 'fix/needs/trim-intro', params: { maxS: 10 } }, before: { status: 'fail', ...intro(15) } });
    const trimmed = planOne(facts, { trimIntro: true }, 'lessons/01.mp4');
    expect(ruleOf(trimmed, 'intro.duration')).toMatchObject({ status: 'fix', says: { params: { cutS: 5.5, introS: 15, leftS: 9.5 } } });
    // A cut re-encodes both streams (a copied stream cannot be cut exactly), from an accurate seek.
    expect(trimmed.pending).toEqual([]);
    expect(trimmed.steps.map((s) => s.kind)).toEqual(['encode']);
    expect(encode(trimmed)[0]!.args).toEqual(expect.arrayContaining(['-ss', '5.500', '-c:v', 'libx264', '-c:a', 'aac']));
    expect(encode(trimmed)[0]!.args.indexOf('-ss')).toBeLessThan(encode(trimmed)[0]!.args.indexOf('-i'));
    expect(trimmed.warnings).toContainEqual({ messageId: 'fix/warn/cut-reencodes' });
    expect(trimmed.subtitles[0]).toMatchObject({ outputs: [{ path: '/tmp/fixed/01.srt', fromS: 5.5, toS: null }] });
  });

  it('an over-long outro needs --trim-intro too; with it, its end is cut to leave just under the limit, the lesson kept whole', () => {
    const facts = lesson({ chapters: [{ title: '第一节', startS: 0, endS: 590 }, { title: '片尾', startS: 590, endS: 600 }] });
    const plain = planOne(facts, {}, 'lessons/01.mp4');
    expect(ruleOf(plain, 'outro.duration')).toMatchObject({ status: 'needs-option', says: { messageId: 'fix/needs/trim-outro', params: { maxS: 5 } } });
    const trimmed = planOne(facts, { trimIntro: true }, 'lessons/01.mp4');
    expect(ruleOf(trimmed, 'outro.duration')).toMatchObject({ status: 'fix', says: { messageId: 'fix/do/trim-outro', params: { cutS: 5.5, outroS: 10, leftS: 4.5 } } });
    expect(trimmed.trim).toEqual({ startS: 0, endS: 594.5 });
    const args = encode(trimmed)[0]!.args;
    expect(args[args.indexOf('-t') + 1]).toBe('594.500');
    expect(args).toEqual(expect.arrayContaining(['-c:v', 'libx264', '-c:a', 'aac']));
    expect(trimmed.subtitles[0]).toMatchObject({ outputs: [{ path: '/tmp/fixed/01.srt', fromS: 0, toS: 594.5 }] });
  });

  it('a lesson over 15 minutes needs --split; with it, boundaries are found first, then one encode a part', () => {
    const long = lesson({ durationS: 1000, video: { durationS: 1000, endS: 1000 }, audio: { durationS: 1000, endS: 1000, packetCount: 46875 } });
    expect(ruleOf(planOne(long, {}, 'long.mp4'), 'video.duration')).toMatchObject({ status: 'needs-option', says: { messageId: 'fix/needs/split' } });
    const pending = planOne(long, { split: true }, 'long.mp4');
    expect(pending.steps.map((s) => s.kind)).toEqual(['find-boundaries', 'encode']);
    expect(pending.outputs).toEqual([]);
    // One encode a part, once the parts are known: shown with placeholders until then.
    expect(pending.steps[1]!.args).toEqual(expect.arrayContaining(['-ss', '<part.startS>', '-t', '<part.durationS>']));
    expect(after(pending.steps[0]!.args, '-filter:a')).toMatch(/^silencedetect=n=-\d+dB:d=0\.5$/);
    const boundaries = { blacks: [{ startS: 420, endS: 422 }], silences: [{ startS: 419.8, endS: 422.2 }, { startS: 500, endS: 500.8 }], sceneChangesS: [422] };
    const exact = planFixes(reportOf([['long.mp4', long]]), { outputDir: OUT, split: true, measurements: new Map([['long.mp4', { boundaries }]]) })[0]!;
    expect(exact.split!.cuts!.map((c) => c.atS)).toEqual([422]);
    expect(encode(exact).map((s) => [after(s.args, '-ss'), after(s.args, '-t')])).toEqual([[undefined, '422.000'], ['422.000', undefined]]);
    expect(exact.outputs.map((o) => [o.path, o.startS, o.durationS, o.video!.mode])).toEqual([
      ['/tmp/fixed/long-part1.mp4', 0, 422, 'encode'],
      ['/tmp/fixed/long-part2.mp4', 422, null, 'encode'],
    ]);
    expect(say(ruleOf(exact, 'video.duration')!.says)).toBe('split the 16:40 lesson into 2 parts at natural boundaries (7:02.0)');
    expect(exact.subtitles[0]!.outputs.map((o) => [o.path, o.fromS, o.toS])).toEqual([
      ['/tmp/fixed/long-part1.srt', 0, 422],
      ['/tmp/fixed/long-part2.srt', 422, null],
    ]);
  });

  it('file.size over the limit: re-encoded at the rate that fits; when even the floor does not fit, it says to split', () => {
    const big = lesson({ sizeBytes: 2 * 1024 ** 3, video: { measuredBitrateBps: 28_000_000 } });
    const plan = planOne(big, {}, 'big.mp4');
    const rate = Number(after(encode(plan)[0]!.args, '-b:v')!.replace('k', '')) * 1000;
    expect(rate).toBeGreaterThanOrEqual(1_000_000);
    expect(((rate + 192_000 + 16_000) * 600) / 8).toBeLessThan(1024 ** 3);
    const huge = lesson({ sizeBytes: 5 * 1024 ** 3, durationS: 10_000, video: { durationS: 10_000, measuredBitrateBps: 4_000_000 } });
    expect(ruleOf(planOne(huge, {}, 'huge.mp4'), 'file.size')).toMatchObject({ status: 'cannot-fix', says: { messageId: 'fix/cannot/size' } });
  });

  it('subtitles: a GBK sidecar is written as UTF-8, over-long lines re-broken; a passing one is copied beside the fix', () => {
    const gbk = makeTrack([['本节课我们将详细介绍工业机器人示教器的全部操作方法和注意事项']], {
      path: 'lessons/01.srt',
      encoding: { encoding: 'gb18030', bom: false, validUtf8: false, confidence: 0.9 },
    });
    const plan = planOne(lesson({ subtitles: [gbk], container: { signature: 'quicktime', majorBrand: 'qt  ', compatibleBrands: [], formatName: 'mov', statedBitrateBps: null } }));
    expect(ruleOf(plan, 'subtitle.encoding')).toMatchObject({ status: 'fix', says: { messageId: 'fix/do/subtitle-utf8', params: { encoding: 'gb18030' } } });
    expect(ruleOf(plan, 'subtitle.line-length')).toMatchObject({ status: 'fix' });
    expect(plan.subtitles).toEqual([{ source: 'lessons/01.srt', fix: true, rewrap: true, outputs: [{ path: '/tmp/fixed/01.srt', fromS: 0, toS: null, timeScale: 1 }] }]);
    const copied = planOne(lesson({ container: { signature: 'quicktime', majorBrand: 'qt  ', compatibleBrands: [], formatName: 'mov', statedBitrateBps: null } }));
    expect(copied.subtitles).toEqual([{ source: 'lessons/01.srt', fix: false, rewrap: false, outputs: [{ path: '/tmp/fixed/01.srt', fromS: 0, toS: null, timeScale: 1 }] }]);
  });

  it('two lessons that would write the same output are refused', () => {
    const mov = lesson({ container: { signature: 'quicktime', majorBrand: 'qt  ', compatibleBrands: [], formatName: 'mov', statedBitrateBps: null } });
    const plans = planFixes(reportOf([['a/01.mov', mov], ['b/01.mov', mov]]), { outputDir: OUT });
    expect(plans[0]!.outcome).toBe('fix');
    expect(plans[1]).toMatchObject({ outcome: 'cannot-fix', reason: { messageId: 'fix/error/same-output' } });
  });
});

describe('words', () => {
  it('every id has English and Chinese text with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [id, text] of Object.entries(fixCatalogues.en)) {
      expect(fixCatalogues.zh[id as keyof typeof fixCatalogues.zh], id).toBeTruthy();
      expect(names(fixCatalogues.zh[id as keyof typeof fixCatalogues.zh]), id).toEqual(names(text));
    }
    expect(Object.keys(fixCatalogues.zh).sort()).toEqual(Object.keys(fixCatalogues.en).sort());
  });
  it('renders numbers with the catalogue’s styles, in both languages', () => {
    const w = { messageId: 'fix/do/video-bitrate', params: { rateBps: 1_200_000, floorBps: 1_000_000 } } as const;
    expect(say(w, 'en')).toBe('re-encode the picture at a constant 1.2 Mbps: the floor is 1 Mbps');
    expect(say(w, 'zh')).toBe('以恒定码率1.2 Mbps重新编码画面：下限为1 Mbps');
    expect(say({ messageId: 'fix/do/hum', params: { mainsHz: 50, frequencies: [50, 100, 150, 200] } }, 'zh')).toBe('陷波滤除50 Hz交流声及其谐波（50、100、150、200 Hz）');
  });
});
