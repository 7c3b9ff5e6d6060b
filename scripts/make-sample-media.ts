/**
 * Builds sample-media/ with the bundled ffmpeg: one lesson that passes every rule a 12-second file
 * can, and a few that fail in instructive ways, each with a subtitle sidecar.
 * Deterministic (lavfi sources, one encoder thread): rerunning it rewrites the same bytes.
 *   pnpm sample-media
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { execa } from 'execa';
import iconv from 'iconv-lite';
import { ffmpegPath } from '@courseware-check/checker-core';
import { music, programmeArgs, roomTone, scenes, speech } from './scenes.js';
import { speechLikeExpression } from './speech-like.js';

const OUT = fileURLToPath(new URL('../sample-media', import.meta.url));

const picture = (size: string, fps: string, durationS: number) => [
  '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${fps}:duration=${durationS}`,
];
/** Narration with a faint noise floor (about −80 dBFS), like a quiet studio. */
const narration = (rateHz: number, durationS: number) => [
  '-f', 'lavfi', '-i', `aevalsrc=exprs=${speechLikeExpression({ sibilance: 0.1 })}+0.0001*(2*random(0)-1):sample_rate=${rateHz}:duration=${durationS}`,
];
/** Camera-like grain, so the encoder spends a realistic bit rate on the test picture. */
const H264 = (kbps: number) => [
  '-vf', 'noise=alls=10:allf=t+u', '-c:v', 'libx264', '-preset', 'veryfast', '-threads', '1', '-pix_fmt', 'yuv420p',
  '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`,
];
/** Constant bit rate for programmes built in a filter graph (no -vf there): flat cards and slides stay above the floor. */
const H264_CBR = (kbps: number) => [
  '-c:v', 'libx264', '-preset', 'veryfast', '-threads', '1', '-pix_fmt', 'yuv420p',
  '-b:v', `${kbps}k`, '-minrate', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`, '-x264-params', 'nal-hrd=cbr',
];
const AAC = (kbps: number, channels: number) => ['-c:a', 'aac', '-b:a', `${kbps}k`, '-ac', String(channels)];

interface Sample {
  name: string;
  what: string;
  args: string[];
  subtitle: { name: string; text: string; encoding?: 'gbk' };
}

const hd = scenes({ size: '1280x720', rate: '25' });

const SAMPLES: Sample[] = [
  {
    name: 'lesson-01-good.mp4',
    what: 'conforms: a 3 s title card with music fading to black, the lesson, a 2 s credits card; H.264 720p25, AAC 48 kHz stereo, in sync; warns only for its 13 s length and the notice’s 1.4 Mbps audio figure',
    args: [
      ...programmeArgs([
        { video: hd.card(2.6), audio: music(2.6) },
        { video: hd.black(0.4), audio: roomTone(0.4) },
        { video: hd.moving(8, ',fade=t=out:st=7.6:d=0.4'), audio: speech(8, { sibilance: 0.1 }) },
        { video: hd.black(0.4), audio: roomTone(0.4) },
        { video: hd.card(1.6, false), audio: music(1.6) },
      ]),
      ...H264_CBR(1300), ...AAC(256, 2), '-movflags', '+faststart',
    ],
    subtitle: { name: 'lesson-01-good.srt', text: srt(['欢迎来到本课程。', '今天我们学习数控机床的基本操作。', '请注意安全规范。']) },
  },
  {
    name: 'lesson-02-phone.mp4',
    what: 'a phone export: 30 fps, 44.1 kHz mono audio at 64 kbps; GBK subtitles',
    args: [...picture('1280x720', '30', 8), ...narration(44100, 8), ...H264(1200), ...AAC(64, 1)],
    subtitle: { name: 'lesson-02-phone.srt', text: srt(['这是用旧软件保存的字幕。', '它的编码不是UTF-8。']), encoding: 'gbk' },
  },
  {
    name: 'lesson-03-screen.mov',
    what: 'a screen recording saved as QuickTime .mov instead of MP4; a subtitle line over 18 characters',
    args: [...picture('1280x720', '25', 8), ...narration(48000, 8), ...H264(1200), ...AAC(192, 2), '-f', 'mov'],
    subtitle: { name: 'lesson-03-screen.srt', text: srt(['本节课我们将详细介绍工业机器人示教器的全部操作方法和注意事项', '谢谢观看。']) },
  },
  {
    name: 'lesson-04-low-res-late-audio.mp4',
    what: '360p at 400 kbps, with the narration 300 ms behind the picture; English subtitles on a Chinese course',
    args: [
      ...picture('640x360', '25', 8), '-itsoffset', '0.3', ...narration(48000, 8), '-map', '0:v', '-map', '1:a', '-t', '8',
      ...H264(400), ...AAC(192, 2),
    ],
    subtitle: { name: 'lesson-04-low-res-late-audio.en.srt', text: srt(['Welcome to this lesson.', 'Today we study CNC machine tools.']) },
  },
  {
    name: 'lesson-05-edit-glitch.mp4',
    what: 'a white flash frame at 0:03.00 left at an edit point, then a slide shot with a blue cast; overlapping subtitle cues',
    args: [
      ...programmeArgs([
        { video: hd.moving(5, ",drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(n\\,75)'"), audio: speech(5, { sibilance: 0.1 }) },
        { video: hd.slide(5, '0xC8C8C8', 400, ",lutrgb=b='min(val+30\\,255)'"), audio: speech(5, { sibilance: 0.1 }) },
      ]),
      ...H264_CBR(1300), ...AAC(192, 2),
    ],
    subtitle: {
      name: 'lesson-05-edit-glitch.srt',
      text: '1\n00:00:00,500 --> 00:00:03,000\n剪辑点处有一帧闪白。\n\n2\n00:00:02,500 --> 00:00:05,000\n这条字幕和上一条重叠了。\n',
    },
  },
];

function srt(lines: string[]): string {
  return lines.map((line, i) => `${i + 1}\n${clock(i * 3 + 0.5)} --> ${clock(i * 3 + 2.8)}\n${line}\n`).join('\n');
}

function clock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
for (const sample of SAMPLES) {
  const format = sample.args.includes('-f') && sample.args.at(-2) === '-f' ? [] : ['-f', 'mp4'];
  await execa(ffmpegPath(), ['-y', '-v', 'error', '-nostdin', ...sample.args, '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact', ...format, join(OUT, sample.name)]);
  const bytes = sample.subtitle.encoding ? iconv.encode(sample.subtitle.text, sample.subtitle.encoding) : Buffer.from(sample.subtitle.text, 'utf8');
  await writeFile(join(OUT, sample.subtitle.name), bytes);
  console.log(`${sample.name}: ${sample.what}`);
}
const readme = [
  '# Sample media',
  '',
  'Made by `pnpm sample-media` (scripts/make-sample-media.ts) with the bundled ffmpeg; `pnpm run check` checks this folder.',
  '',
  '| file | what it shows |',
  '| --- | --- |',
  ...SAMPLES.map((s) => `| \`${s.name}\` + \`${s.subtitle.name}\` | ${s.what} |`),
  '',
].join('\n');
await writeFile(join(OUT, 'README.md'), readme);
