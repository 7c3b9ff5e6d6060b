import { createServer } from 'node:http';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ffprobePath, type FileResult, type Report } from '@courseware-check/checker-core';
import { checkJson, findingOf, runCli } from './helpers/cli.js';
import { AAC, H264, makeMedia, testPicture, testSound, withSidecar } from './helpers/media.js';

/** What ffmpeg would read as a protocol address if handed the bare name. */
const HOSTILE_NAMES = ['concat:a.mp4|a.mp4', 'pipe:0.mp4', 'subfile,,start,0,end,100,,:a.mp4'];

let good: string;
/** Matroska: its facts come from ffprobe and a packet scan (an MP4's H.264 and AAC from its index, no child at all). */
let goodMatroska: string;
let scratch: string;

beforeAll(async () => {
  good = await withSidecar(await makeMedia('good.mp4', [...testPicture(), ...testSound(), ...H264, ...AAC]));
  goodMatroska = await makeMedia('good.mkv', ['-i', good, '-c', 'copy']);
  scratch = await mkdtemp(join(tmpdir(), 'hostile-'));
});

const entry = (report: Report, path: string): FileResult => {
  const file = report.files.find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in the report (has ${report.files.map((f) => f.path).join(', ')})`);
  return file;
};

async function folderWith(name: string): Promise<string> {
  const folder = await mkdtemp(join(scratch, 'case-'));
  await copyFile(good, join(folder, 'a.mp4'));
  return folder;
}

describe('file names are files, never ffmpeg addresses', () => {
  it('a name like an http address sends no request and is judged as the file on disk', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end('not a video');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const folder = await folderWith('http');
      const name = `http:127.0.0.1:${port}?x.mp4`;
      const matroskaName = `http:127.0.0.1:${port}?x.mkv`;
      await copyFile(good, join(folder, name));
      await copyFile(goodMatroska, join(folder, matroskaName));
      await copyFile(goodMatroska, join(folder, 'a.mkv'));
      const { report } = await checkJson(['--quick', '.'], { cwd: folder });
      expect(requests).toBe(0);
      for (const [file, twin] of [[name, 'a.mp4'], [matroskaName, 'a.mkv']] as const) {
        expect(entry(report, file).status).not.toBe('error');
        expect(entry(report, file).facts?.durationS).toBeCloseTo(entry(report, twin).facts!.durationS!, 3);
      }
    } finally {
      server.close();
    }
  });

  it.each(HOSTILE_NAMES)('%s is the file of that name, the same length as its twin, and nothing hangs (MP4 and, through ffprobe, Matroska)', async (name) => {
    const folder = await folderWith(name);
    const matroskaName = name.replaceAll('.mp4', '.mkv');
    await copyFile(good, join(folder, name));
    await copyFile(goodMatroska, join(folder, matroskaName));
    await copyFile(goodMatroska, join(folder, 'a.mkv'));
    const { report, run } = await checkJson(['--quick', '--stall-timeout', '20', '.'], { cwd: folder, timeout: 60_000 });
    expect(run.stderr).toBe('');
    for (const [file, twin] of [[name, 'a.mp4'], [matroskaName, 'a.mkv']] as const) {
      expect(entry(report, file).status).not.toBe('error');
      // `concat:a.mp4|a.mp4` read as an address would be twice as long.
      expect(entry(report, file).facts?.durationS).toBeCloseTo(entry(report, twin).facts!.durationS!, 3);
    }
  });
});

describe('the watchdog', () => {
  it('stops a child that makes no progress; the file is an error ("stalled") and the batch goes on', async () => {
    // A stand-in ffprobe that answers -version and hangs on any file whose name says so.
    const fake = join(scratch, 'hanging-ffprobe.sh');
    await writeFile(fake, `#!/bin/sh\ncase "$*" in *hang*) exec sleep 600;; esac\nexec '${ffprobePath()}' "$@"\n`);
    await chmod(fake, 0o755);
    const folder = await folderWith('stall');
    await copyFile(goodMatroska, join(folder, 'hang.mkv'));
    const started = Date.now();
    const { report, run } = await checkJson(['--quick', '--stall-timeout', '2', '--jobs', '1', folder], { env: { FFPROBE_PATH: fake }, timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.exitCode).toBe(1);
    const hung = entry(report, join(folder, 'hang.mkv'));
    expect(hung).toMatchObject({ status: 'error', error: { code: 'stalled' } });
    expect(hung.error!.message).toMatch(/^stalled: ffprobe made no progress for 2 s and was stopped$/);
    expect(entry(report, join(folder, 'a.mp4')).facts?.durationS).toBeGreaterThan(3.9);
    const sleepers = await execa('pgrep', ['-f', 'sleep 600'], { reject: false });
    expect(sleepers.stdout.trim()).toBe('');
  });
});

describe('folders: links, spellings, names that are not UTF-8', () => {
  it('does not follow a symbolic link out of the folder being checked, and says so; links inside are followed', async () => {
    const outside = await mkdtemp(join(scratch, 'outside-'));
    await copyFile(good, join(outside, 'secret.mp4'));
    const folder = await folderWith('links');
    await symlink(outside, join(folder, 'link-to-folder'));
    await symlink(join(outside, 'secret.mp4'), join(folder, 'link-to-file.mp4'));
    await symlink(join(folder, 'a.mp4'), join(folder, 'inside.mp4'));
    const { report } = await checkJson(['--quick', folder]);
    expect(report.files.map((f) => f.path).sort()).toEqual([join(folder, 'a.mp4'), join(folder, 'inside.mp4')]);
    expect(report.skipped).toEqual([
      { path: join(folder, 'link-to-file.mp4'), reason: 'a symbolic link out of the folder being checked (not followed)', messageId: 'skipped/link-out-of-folder', params: {} },
      { path: join(folder, 'link-to-folder'), reason: 'a symbolic link out of the folder being checked (not followed)', messageId: 'skipped/link-out-of-folder', params: {} },
    ]);
    const text = await runCli(['--quick', folder]);
    expect(text.stdout).toContain(`SKIP  ${join(folder, 'link-to-folder')}: a symbolic link out of the folder being checked (not followed)`);
    const chinese = await runCli(['--quick', '--locale', 'zh', folder]);
    expect(chinese.stdout).toContain(`${join(folder, 'link-to-folder')}: 符号链接指向被检查文件夹之外，未跟随`);
  });

  it('finds the sidecar however the video’s path is spelled', async () => {
    const folder = await mkdtemp(join(scratch, 'spell-'));
    await mkdir(join(folder, 'dir'));
    await copyFile(good, join(folder, 'dir', 'x.mp4'));
    await copyFile(good.replace(/mp4$/, 'srt'), join(folder, 'dir', 'x.srt'));
    for (const spelling of ['./dir/x.mp4', 'dir//x.mp4', 'dir/./x.mp4', 'dir/../dir/x.mp4', join(folder, 'dir', 'x.mp4')]) {
      const { report } = await checkJson(['--quick', spelling], { cwd: folder });
      expect(report.files, spelling).toHaveLength(1);
      expect(findingOf(report.files[0]!, 'subtitle.present').status, spelling).toBe('pass');
    }
  });

  it('checks files whose names are GBK bytes (zips from Chinese Windows), shown decoded, with their sidecars; other bytes shown escaped', async () => {
    const folder = await mkdtemp(join(scratch, 'gbk-'));
    const gbk = (name: string) => Buffer.concat([Buffer.from(`${folder}/`), iconv.encode(name, 'gb18030')]);
    await copyFile(good, gbk('第二课.mp4'));
    await copyFile(good.replace(/mp4$/, 'srt'), gbk('第二课.srt'));
    await copyFile(good, Buffer.concat([Buffer.from(`${folder}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('.mp4')]));
    const { report } = await checkJson([folder]);
    const lesson = entry(report, join(folder, '第二课.mp4'));
    expect(lesson.status).toBe('warn');
    expect(findingOf(lesson, 'subtitle.present').message).toContain(join(folder, '第二课.srt'));
    expect(entry(report, join(folder, 'bad\\xFF\\xFE.mp4')).status).not.toBe('error');
    expect(await readdir(folder)).toHaveLength(3); // nothing written beside them
  });
});

describe('subtitles beside a video', () => {
  it('an unreadable or binary sidecar is a subtitle finding naming it; the video is still checked; a file with no cues fails subtitle.present', async () => {
    const folder = await mkdtemp(join(scratch, 'sidecars-'));
    for (const name of ['folder', 'binary', 'empty', 'long']) await copyFile(good, join(folder, `${name}.mp4`));
    await mkdir(join(folder, 'folder.srt')); // EISDIR when read
    await writeFile(join(folder, 'binary.srt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)));
    await writeFile(join(folder, 'empty.srt'), 'just a note, no cues here\n');
    const longLine = '这是一个非常长的字幕行'.repeat(30);
    await writeFile(join(folder, 'long.srt'), `1\n00:00:00,500 --> 00:00:01,800\n${longLine}\n`);
    const { report } = await checkJson(['--quick', folder]);
    const present = (name: string) => report.files.find((f) => f.path === join(folder, `${name}.mp4`))!;
    for (const name of ['folder', 'binary', 'empty']) {
      const file = present(name);
      expect(file.status, name).toBe('fail');
      expect(file.facts?.video, name).not.toBeNull();
      const details = file.findings.filter((f) => f.rule === 'subtitle.present');
      expect(details[0]!.status).toBe('fail');
      expect(details[1]!.subtitle).toBe(join(folder, `${name}.srt`));
    }
    expect(present('folder').findings.find((f) => f.rule === 'subtitle.present' && f.subtitle)!.message).toMatch(/folder\.srt: .*EISDIR/);
    expect(present('binary').findings.find((f) => f.rule === 'subtitle.present' && f.subtitle)!.message).toMatch(/binary\.srt: not subtitle text \(binary data\)$/);
    expect(present('empty').findings.find((f) => f.rule === 'subtitle.present' && f.subtitle)!.message).toMatch(/empty\.srt: no cues could be read$/);
    // Subtitle text is the only content quoted, and at most 200 characters of it.
    const quoted = present('long').findings.filter((f) => f.line !== undefined);
    expect(quoted.length).toBeGreaterThan(0);
    for (const finding of quoted) expect([...finding.line!].length).toBeLessThanOrEqual(200);
    // Bytes of a file that is not subtitle text are never quoted.
    expect(present('binary').facts?.subtitles).toEqual([]);
  });
});

describe('terminal escapes are printed escaped in the text report', () => {
  it('in file names, subtitle lines and profile names', async () => {
    const folder = await mkdtemp(join(scratch, 'escapes-'));
    const name = 'evil\u001b]0;pwned\u0007\u001b[2J.mp4';
    await copyFile(good, join(folder, name));
    await writeFile(join(folder, name.replace(/mp4$/, 'srt')), '1\n00:00:00,500 --> 00:00:01,800\n这一行字幕太长了所以会被引用出来字幕\u001b[31m红\u0000色\u009d\n');
    const { stdout, stderr } = await runCli(['--quick', folder]);
    expect(stdout + stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(stdout).toContain('evil\\x1B]0;pwned\\x07\\x1B[2J.mp4');
    expect(stdout).toContain('字幕\\x1B[31m红\\x00色\\x9D”');
    // A profile name with control characters is refused, and the refusal is printed escaped too.
    const profile = join(folder, 'p\u001b[5mrofile.json');
    await writeFile(profile, JSON.stringify({ name: 'p\u001b[5mblink', extends: 'web', rules: {} }));
    const refused = await runCli(['--quick', '--profile', profile, folder]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(refused.stderr).toMatch(/profile .*p\\(x1B|u\{1b\})\[5mrofile\.json: name must be one line without control characters/);
  });
});

describe('damage inside the file: file.integrity', () => {
  it('1 MB of zeros inside the media data fails file.integrity at the damaged time (±1 s), every other picture rule still runs', async () => {
    const clean = await makeMedia('integrity-20s.mp4', [...testPicture({ durationS: 20 }), ...testSound({ durationS: 20 }), ...H264, ...AAC, '-movflags', '+faststart']);
    const bytes = await readFile(clean);
    const offset = Math.floor(bytes.length / 2);
    const damaged = Buffer.from(bytes);
    damaged.fill(0, offset, offset + 1_000_000);
    const path = join(scratch, 'zeros.mp4');
    await writeFile(path, damaged);
    // Truth: the first video packet whose bytes the zeros reach.
    const { stdout } = await execa(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,pos,size', '-of', 'csv=p=0', clean]);
    const firstHitS = stdout
      .trim()
      .split('\n')
      .map((line) => line.split(',').map(Number) as [number, number, number])
      .filter(([, , pos]) => pos >= 0)
      .find(([, size, pos]) => pos + size > offset)![0];
    const { report } = await checkJson([path]);
    const finding = findingOf(report.files[0]!, 'file.integrity');
    console.log(`file.integrity: damage measured at ${finding.at?.[0]?.start} s, true ${firstHitS} s`);
    expect(finding.status).toBe('fail');
    expect(Math.abs(finding.at![0]!.start - firstHitS)).toBeLessThanOrEqual(1);
    const { report: cleanReport } = await checkJson([clean]);
    expect(findingOf(cleanReport.files[0]!, 'file.integrity').status).toBe('pass');
  });
});

describe('the command line refuses what it cannot do, before any work', () => {
  it('`-- -i` checks the file named -i; `-` is refused', async () => {
    const folder = await folderWith('dash');
    await copyFile(good, join(folder, '-i'));
    const { report } = await checkJson(['--quick', '--', '-i'], { cwd: folder });
    expect(report.files.map((f) => f.path)).toEqual(['-i']);
    expect(report.files[0]!.facts?.durationS).toBeGreaterThan(3.9);
    // `-` reads paths from standard input; none there is nothing to check.
    const dash = await runCli(['-'], { cwd: folder, input: '' });
    expect(dash.exitCode).toBe(2);
    expect(dash.stderr).toMatch(/^courseware-check: nothing to check/);
  });

  it('a report into a missing folder, evidence onto a file, and a path list with nothing to check exit 2 at once', async () => {
    const missing = await runCli(['-o', join(scratch, 'no-such-folder', 'r.json'), good]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/^courseware-check: cannot write the report to .*r\.json: the folder .*no-such-folder does not exist$/);
    const evidence = await runCli(['--evidence', good, good]);
    expect(evidence.exitCode).toBe(2);
    expect(evidence.stderr).toBe(`courseware-check: --evidence ${good} is a file, not a folder`);
    const empty = await mkdtemp(join(scratch, 'empty-'));
    await writeFile(join(empty, 'notes.txt'), 'no lessons here');
    const nothing = await runCli([empty]);
    expect(nothing.exitCode).toBe(2);
    expect(nothing.stderr).toBe(`courseware-check: nothing to check in ${empty}`);
  });

  it('fix-subtitles refuses a file that is not a subtitle file and writes nothing', async () => {
    const out = await mkdtemp(join(scratch, 'fixed-'));
    const run = await runCli(['fix-subtitles', good, '--output', out]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/^courseware-check: fix-subtitles takes \.srt and \.vtt files only, not .*good\.mp4/);
    expect(await readdir(out)).toEqual([]);
  });
});
