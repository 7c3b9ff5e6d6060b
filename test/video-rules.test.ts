import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '@courseware-check/checker-core';
import { checkJson } from './helpers/cli.js';
import { MEDIA_CACHE } from './helpers/media.js';
import { black, card, moving, music, programme, silence, slide, speech, type Segment } from './helpers/scenes.js';

const at = (n: number) => `:enable='eq(n\\,${n})'`;
const between = (a: number, b: number) => `:enable='between(n\\,${a}\\,${b})'`;
const flashBox = (colour: string, enable: string) => `,drawbox=x=0:y=0:w=iw:h=ih:color=${colour}:t=fill${enable}`;
const talk = (video: string, s: number): Segment => ({ video, audio: speech(s) });
/** A still 1280×720 slide with `inset` (6 s) over its lower right corner. */
const pip = (inset: string) =>
  `color=c=0xC8C8C8:s=1280x720:r=25:d=6,drawbox=x=80:y=80:w=600:h=300:color=0x303030:t=fill[slide];${inset}[inset];[slide][inset]overlay=x=900:y=480:shortest=1`;

/** Title or credits card with music, then a black, silent gap: the intro or outro. */
const titled = (s: number): Segment[] => [
  { video: card(s - 0.4), audio: music(s - 0.4) },
  { video: black(0.4), audio: silence(0.4) },
];

let chapterFile: string;
const MEDIA: Record<string, () => Promise<string>> = {
  'flash-white-moving': () => programme('flash-white-moving', [talk(moving(4, flashBox('white', at(50))), 4)]),
  'flash-white-2-moving': () => programme('flash-white-2-moving', [talk(moving(4, flashBox('white', between(50, 51))), 4)]),
  'flash-black-static': () => programme('flash-black-static', [talk(slide(4, '0xC8C8C8', 40, flashBox('black', at(60))), 4)]),
  'flash-white-2-static': () => programme('flash-white-2-static', [talk(slide(4, '0x808080', 40, flashBox('white', between(60, 61))), 4)]),
  'clean-cuts': () => programme('clean-cuts', [talk(moving(2), 2), talk('smptehdbars=s=320x180:r=25:d=2', 2), talk('rgbtestsrc=s=320x180:r=25:d=2', 2)]),
  // A 3 s black gap at 40–43 s; a fade to black that closes the file.
  'black-gap': () => programme('black-gap', [talk(moving(40), 40), talk(black(3), 3), talk(moving(45, ',fade=t=out:st=43:d=1'), 45)]),
  neutral: () => programme('neutral', [talk(slide(5), 5)]),
  tinted: () => programme('tinted', [talk(slide(5, '0xC8C8C8', 40, ",lutrgb=b='min(val+30\\,255)'"), 5)]),
  'neutral-to-tinted': () => programme('neutral-to-tinted', [talk(slide(5), 5), talk(slide(5, '0xB4B4B4', 160, ",lutrgb=b='min(val+30\\,255)'"), 5)]),
  'static-slide': () => programme('static-slide', [talk(slide(20), 20)]),
  'slide-deck': () => programme('slide-deck', [talk(slide(10, '0xE0E0E0', 20), 10), talk(slide(10, '0xD0D8E0', 120), 10), talk(slide(10, '0xF0F0F0', 180), 10)]),
  'screen-recording': () =>
    programme('screen-recording', [{ video: "color=c=white:s=320x180:r=25:d=20[bg];color=c=black:s=6x6:r=25:d=20[cursor];[bg][cursor]overlay=x='20+t*9':y='30+t*4':shortest=1", audio: speech(20) }]),
  // Frame 50 shown twice, the rest one frame later: a repeated frame inside motion.
  'repeated-frame': () => programme('repeated-frame', [talk(moving(4, ",setpts='PTS+if(gte(N\\,51)\\,1\\,0)',fps=25"), 4.04)]),
  // 24 fps footage converted to 25 fps: one frame a second shown twice.
  'convert-24-to-25': () => programme('convert-24-to-25', [talk('testsrc2=s=320x180:r=24:d=6,fps=25', 6)]),
  // A 160×90 picture-in-picture rendered at 20 fps and repeated to 25 over a still 720p slide: every 5th
  // frame repeats, and the mean change over the picture is 0.015–0.03 levels; the same inset at 25 fps.
  'pip-20-to-25': () => programme('pip-20-to-25', [talk(pip('testsrc2=s=160x90:r=20:d=6,fps=25'), 6)]),
  'pip-25': () => programme('pip-25', [talk(pip('testsrc2=s=160x90:r=25:d=6'), 6)]),
  'intro-6': () => programme('intro-6', [...titled(6), talk(moving(20), 20)]),
  'intro-15': () => programme('intro-15', [...titled(15), talk(moving(20), 20)]),
  'outro-3': () => programme('outro-3', [talk(moving(20, ',fade=t=out:st=19.5:d=0.5'), 20), { video: black(0.4), audio: silence(0.4) }, { video: card(2.6, false), audio: music(2.6) }]),
  'outro-9': () => programme('outro-9', [talk(moving(20, ',fade=t=out:st=19.5:d=0.5'), 20), { video: black(0.4), audio: silence(0.4) }, { video: card(8.6, false), audio: music(8.6) }]),
  // The 15 s intro again, with chapter markers that say where it ends (and a 4 s outro).
  'intro-15-chapters': () => programme('intro-15-chapters', [...titled(15), talk(moving(20), 20)], { inputs: ['-i', chapterFile], options: ['-map_metadata', '0', '-map_chapters', '0'] }),
};

let results: Map<string, FileResult>;
const paths: Record<string, string> = {};
const finding = (name: string, rule: string): Finding => results.get(paths[name]!)!.findings.find((f) => f.rule === rule)!;

beforeAll(async () => {
  // A fixed path: the media cache is keyed by the ffmpeg arguments.
  await mkdir(MEDIA_CACHE, { recursive: true });
  chapterFile = join(MEDIA_CACHE, 'chapters-intro-15-outro-4.txt');
  await writeFile(chapterFile, ';FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=15000\ntitle=片头\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=15000\nEND=31000\ntitle=第一节\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=31000\nEND=35000\ntitle=片尾\n');
  const names = Object.keys(MEDIA);
  for (let i = 0; i < names.length; i += 2) await Promise.all(names.slice(i, i + 2).map(async (n) => (paths[n] = await MEDIA[n]!())));
  const { report } = await checkJson(Object.values(paths));
  results = new Map(report.files.map((f) => [f.path, f]));
});

describe('video.flash', () => {
  it.each([
    ['flash-white-moving', 2.0, 2.04],
    ['flash-white-2-moving', 2.0, 2.08],
    ['flash-black-static', 2.4, 2.44],
    ['flash-white-2-static', 2.4, 2.48],
  ])('%s: found at its exact time', (name, start, end) => {
    const flash = finding(name, 'video.flash');
    expect(flash.status).toBe('fail');
    expect(flash.at).toEqual([{ start, end }]);
  });

  it('finds nothing on clean cuts between shots', () => {
    expect(finding('clean-cuts', 'video.flash').status).toBe('pass');
  });
});

describe('evidence frames (--evidence DIR)', () => {
  it('writes a strip of the frame before, the flash frame and the frame after, and names it in the JSON; nothing without the option', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'evidence-')), 'frames');
    const { report } = await checkJson(['--evidence', dir, paths['flash-white-moving']!]);
    const flash = report.files[0]!.findings.find((f) => f.rule === 'video.flash')!;
    expect(flash.evidence).toMatch(/^.*\/frames\/001-flash-white-moving\.mp4-video\.flash-1\.96s\.jpg$/);
    const jpeg = await readFile(flash.evidence!);
    const { width, height } = await sharp(jpeg).metadata();
    expect(width).toBe(3 * 320 + 2 * 4); // three frames, 4 px apart
    // stats() reads the input, not the extract: cut each tile out first.
    const tile = async (i: number) => sharp(await sharp(jpeg).extract({ left: i * 324, top: 0, width: 320, height: height! }).toBuffer()).stats();
    const [before, during, after] = await Promise.all([tile(0), tile(1), tile(2)]);
    expect(during.channels.every((c) => c.mean > 245)).toBe(true); // the white flash frame in the middle…
    for (const side of [before, after]) expect(side.channels[0]!.mean).toBeLessThan(200); // …between the moving picture's frames
    expect(finding('flash-white-moving', 'video.flash').evidence).toBeUndefined();
  });
});

describe('video.black', () => {
  it('finds a 3 s black gap mid-programme within ±0.1 s, and not the fade that closes the file', () => {
    const black = finding('black-gap', 'video.black');
    expect(black.status).toBe('warn');
    expect(black.severity).toBe('warning');
    expect(black.at).toHaveLength(1);
    process.stdout.write(`black gap: measured ${black.at![0]!.start}–${black.at![0]!.end} s, true 40–43 s\n`);
    expect(Math.abs(black.at![0]!.start - 40)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(black.at![0]!.end - 43)).toBeLessThanOrEqual(0.1);
  });
});

describe('video.color-cast', () => {
  it('warns on a blue cast, naming the direction; passes neutral footage', () => {
    const cast = finding('tinted', 'video.color-cast');
    expect(cast.status).toBe('warn');
    expect(cast.message).toMatch(/towards blue/);
    expect(finding('neutral', 'video.color-cast').status).toBe('pass');
  });

  it('warns at a cut between a neutral and a tinted shot', () => {
    const findings = results.get(paths['neutral-to-tinted']!)!.findings.filter((f) => f.rule === 'video.color-cast');
    expect(findings[0]!.status).toBe('warn');
    const jump = findings.find((f) => /at the cut at/.test(f.message))!;
    expect(Math.abs(jump.at![0]!.start - 5)).toBeLessThanOrEqual(0.1);
  });
});

describe('courseware is mostly slides: a still picture is never a defect', () => {
  it.each(['static-slide', 'slide-deck', 'screen-recording'])('%s: no stability, flash or black finding', (name) => {
    for (const rule of ['video.stability', 'video.flash', 'video.black', 'video.shake']) expect(finding(name, rule).status, rule).toBe('pass');
  });
});

describe('video.stability (decoded pictures)', () => {
  it('finds a repeated frame inside motion, at its time', () => {
    const stability = finding('repeated-frame', 'video.stability');
    expect(stability.status).toBe('fail');
    expect(stability.measured).toMatchObject({ frozenFrames: 1, droppedFrames: 0 });
    expect(stability.at![0]!.start).toBeCloseTo(2.04, 2);
  });
  it('finds the repeats of a picture-in-picture rendered at 20 fps and repeated to 25, by its blocks; the same inset at 25 fps passes', () => {
    const converted = finding('pip-20-to-25', 'video.stability');
    const frozen = (f: Finding) => (f.measured as { frozenFrames: number }).frozenFrames;
    console.log(`picture-in-picture: ${frozen(converted)} repeats found in 20 → 25 fps (true 30: every 5th of 150 frames)`);
    expect(converted.status).toBe('fail');
    expect(Math.abs(frozen(converted) - 30)).toBeLessThanOrEqual(2);
    expect(finding('pip-25', 'video.stability')).toMatchObject({ status: 'pass', measured: { frozenFrames: 0 } });
  });
  it('finds the repeats of a frame-rate conversion: one a second of 24 → 25 fps', () => {
    const converted = finding('convert-24-to-25', 'video.stability');
    const frozen = (f: Finding) => (f.measured as { frozenFrames: number }).frozenFrames;
    console.log(`frame-rate conversion: ${frozen(converted)} repeats found in 24 → 25 fps (true 6)`);
    expect(converted.status).toBe('fail');
    expect(Math.abs(frozen(converted) - 6)).toBeLessThanOrEqual(1);
  });
});

describe('intros shared by the lessons of one course', () => {
  /** A 7 s (or 12 s) title card with music that runs straight into the lesson: no black, no silence. */
  const lesson = (introS: number, voice: { f0Hz: number; phraseS: number; pauseS: number; syllableHz: number; syllablePhase: number }) => [
    { video: card(introS, false), audio: music(introS, false) },
    { video: moving(16), audio: speech(16, voice) },
  ];
  // Two narrators: another pitch, rhythm and phrasing, so that the lessons differ from their first syllable.
  const VOICE_A = { f0Hz: 140, phraseS: 2.5, pauseS: 0.8, syllableHz: 4, syllablePhase: 0 };
  const VOICE_B = { f0Hz: 210, phraseS: 3.1, pauseS: 0.6, syllableHz: 3.3, syllablePhase: 3.14159 };

  it('finds the shared passage as the intro of each lesson, where one lesson alone shows none', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'course-'));
    const files = {
      'course/01.mp4': await programme('shared-7-a', lesson(7, VOICE_A)),
      'course/02.mp4': await programme('shared-7-b', lesson(7, VOICE_B)),
      'long/01.mp4': await programme('shared-12-a', lesson(12, VOICE_A)),
      'long/02.mp4': await programme('shared-12-b', lesson(12, VOICE_B)),
    };
    for (const [name, source] of Object.entries(files)) {
      await mkdir(join(folder, name, '..'), { recursive: true });
      await copyFile(source, join(folder, name));
    }
    const alone = (await checkJson([files['course/01.mp4']])).report.files[0]!;
    expect(alone.findings.find((f) => f.rule === 'intro.duration')!.message).toMatch(/^intro not detected/);

    const { report } = await checkJson([folder]);
    const intro = (name: string) => report.files.find((f) => f.path === join(folder, name))!.findings.find((f) => f.rule === 'intro.duration')!;
    process.stdout.write(`shared intro: measured ${(intro('course/01.mp4').measured as { durationS: number }).durationS} s and ${(intro('long/01.mp4').measured as { durationS: number }).durationS} s, true 7 s and 12 s\n`);
    for (const name of ['course/01.mp4', 'course/02.mp4']) {
      expect(intro(name)).toMatchObject({ status: 'pass', measured: { source: 'shared' } });
      expect(Math.abs((intro(name).measured as { durationS: number }).durationS - 7)).toBeLessThanOrEqual(0.5);
    }
    expect(intro('long/01.mp4')).toMatchObject({ status: 'fail', measured: { source: 'shared' } });
    expect(intro('long/01.mp4').message).toContain(join(folder, 'long/02.mp4'));
  });
});

describe('intro.duration and outro.duration', () => {
  it.each([
    ['intro-6', 'intro.duration', 6, 'pass'],
    ['intro-15', 'intro.duration', 15, 'fail'],
    ['outro-3', 'outro.duration', 3, 'pass'],
    ['outro-9', 'outro.duration', 9, 'fail'],
  ] as const)('%s: %s %i s within ±0.5 s → %s, from the signal with evidence', (name, rule, durationS, status) => {
    const found = finding(name, rule);
    expect(found.status).toBe(status);
    const measured = found.measured as { durationS: number; source: string; evidence: unknown };
    process.stdout.write(`${name}: ${rule} measured ${measured.durationS} s, true ${durationS} s\n`);
    expect(Math.abs(measured.durationS - durationS)).toBeLessThanOrEqual(0.5);
    expect(measured.source).toBe('signal');
    // The evidence, as data (a message by id) and in words.
    expect(measured.evidence).toMatchObject({ messageId: 'intro-outro/black', params: { sound: { messageId: 'intro-outro/silence' } } });
    expect(found.message).toMatch(/\(black .* with silence from .* s\)/);
  });

  it('chapter markers give the intro and outro exactly', () => {
    expect(finding('intro-15-chapters', 'intro.duration')).toMatchObject({ status: 'fail', measured: { durationS: 15, source: 'chapter' } });
    expect(finding('intro-15-chapters', 'outro.duration').measured).toMatchObject({ durationS: 4, source: 'chapter' });
  });

  it('says "not detected" (a warning) when there is nothing to find', () => {
    expect(finding('static-slide', 'intro.duration')).toMatchObject({ status: 'warn', message: expect.stringMatching(/^intro not detected/) });
  });
});
