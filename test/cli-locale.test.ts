import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogues, renderStrict } from '@courseware-check/checker-core/messages';
import { chooseLocale, parseArguments, UsageError } from '../packages/cli/src/arguments.js';
import { say, type CliMessageId } from '../packages/cli/src/words.js';
import { FixUsageError, parseFixCommand } from '../packages/cli/src/fix-arguments.js';
import { loadedModules, REPO_ROOT, runCli } from './helpers/cli.js';

/**
 * The command line's own words (help, yargs' words, usage errors, notes on standard error, the
 * progress line) in Chinese and English: `--locale` if given, else LC_ALL, LC_MESSAGES, LANG.
 */

const BIN = join(REPO_ROOT, 'packages/cli/bin/courseware-check.js');
/** A shell whose language is Chinese (only LANG set, as on most desktops). */
const CHINESE = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const HAN = /\p{Script=Han}/u;
const LESSON = 'sample-media/lesson-01-good.mp4';

/** Text without any whitespace: yargs wraps the help's descriptions at any column. */
const squeeze = (text: string) => text.replace(/\s+/g, '');
const zh = (id: CliMessageId) => say('zh', id);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cli-locale-'));
});

describe('--help in the locale', () => {
  /** Every description the help of the check command shows, by id. */
  const CHECK_HELP: CliMessageId[] = [
    'cli/usage',
    'cli/command-check',
    'cli/command-fix-subtitles',
    'cli/option-version',
    'cli/option-paths',
    'cli/option-profile',
    'cli/option-language',
    'cli/option-locale',
    'cli/option-locale-default',
    'cli/option-quick',
    'cli/option-format',
    'cli/option-output',
    'cli/option-jobs',
    'cli/option-quiet',
    'cli/option-max-warnings',
    'cli/option-verbose',
    'cli/option-color',
    'cli/option-evidence',
    'cli/option-stall-timeout',
    'cli/example-folder',
    'cli/example-glob',
    'cli/example-stdin',
    'cli/example-junit',
    'cli/example-ndjson',
    'cli/example-quiet',
    'cli/epilog',
  ];

  it('LANG=zh_CN.UTF-8: usage, every option, the examples, exit codes and yargs’ own words in Chinese', async () => {
    const { stdout, stderr, exitCode } = await runCli(['-h'], { env: CHINESE });
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^courseware-check \[路径 \.\.\.\] \[选项\]\n\n检查课程视频（和字幕）是否符合在线培训课程的技术规范。\n/);
    for (const id of CHECK_HELP) expect(squeeze(stdout), id).toContain(squeeze(zh(id).replace('$0', 'courseware-check')));
    // The exit codes, as in English: one line a code.
    expect(stdout).toMatch(/退出码：\n\s+0 {4}没有不通过或无法检查的文件.*\n\s+1 {4}有文件不通过.*\n\s+2 {4}命令本身有误.*\n[\s\S]*130 {2}按了 Ctrl-C/);
    expect(stdout).toMatch(/环境变量：\n\s+NO_COLOR\s+不用颜色/);
    // yargs' headings, type tags and its own option.
    for (const heading of ['命令：', '参数：', '选项：', '示例：']) expect(stdout).toContain(`\n${heading}\n`);
    expect(stdout).toMatch(/-h, --help\s+显示帮助\s+\[开关\]/);
    expect(stdout).toMatch(/-j, --jobs\s+同时检查几个文件\s+\[数字\] \[默认 \d+\]/);
    expect(stdout).toMatch(/\[可选 "text", "json", "ndjson", "junit", "html"\] \[默认 "text"\]/);
    expect(stdout).not.toMatch(/Options:|Examples:|Commands:|Positionals:|Exit codes|Environment:|Show help|\[boolean\]|\[string\]|\[number\]|default:|choices:/);
  });

  it('--locale en wins over LANG=zh_CN.UTF-8: the English help, word for word', async () => {
    const english = await runCli(['--locale', 'en', '-h'], { env: CHINESE });
    expect(english.exitCode).toBe(0);
    expect(english.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n[\s\S]*2 .*\n[\s\S]*130 /);
    expect(english.stdout).toMatch(/-h, --help\s+Show help\s+\[boolean\]/);
    expect(english.stdout).not.toMatch(HAN);
    // The same as with an English environment (the tests' default), where nothing is asked for.
    expect(english.stdout).toBe((await runCli(['-h'])).stdout);
  });

  it('--locale zh (or --locale=zh) in an English environment: the Chinese help', async () => {
    for (const args of [['--locale', 'zh', '-h'], ['-h', '--locale=zh']]) {
      const { stdout } = await runCli(args);
      expect(stdout).toContain('\n退出码：\n');
      expect(stdout).not.toContain('Exit codes:');
    }
  });

  it('fix-subtitles -h in Chinese: its options too', async () => {
    const { stdout, exitCode } = await runCli(['fix-subtitles', '-h'], { env: CHINESE });
    expect(exitCode).toBe(0);
    for (const id of ['cli/command-fix-subtitles', 'cli/option-files', 'cli/option-fix-output', 'cli/option-rewrap'] as const) {
      expect(squeeze(stdout), id).toContain(squeeze(zh(id)));
    }
    expect(stdout).not.toMatch(/Options:|Show help/);
  });

  it('fix -h in Chinese: its description, options, examples and exit codes, none in English; --locale en gives the English', async () => {
    /** Every description the help of `fix` shows, by id. */
    const FIX_HELP: CliMessageId[] = [
      'cli/fix-command',
      'cli/fix-option-paths',
      'cli/fix-option-output',
      'cli/fix-option-plan',
      'cli/fix-option-only',
      'cli/fix-option-trim-intro',
      'cli/fix-option-split',
      'cli/fix-option-denoise',
      'cli/fix-option-upscale',
      'cli/option-profile',
      'cli/option-language',
      'cli/option-locale',
      'cli/fix-option-stall-timeout',
      'cli/fix-option-cache',
      'cli/fix-example-remux',
      'cli/fix-example-plan',
      'cli/fix-example-split',
      'cli/fix-example-only',
      'cli/fix-epilog',
    ];
    const { stdout, stderr, exitCode } = await runCli(['fix', '--help'], { env: CHINESE });
    expect(exitCode).toBe(0);
    expect(stderr).toBe('');
    for (const id of FIX_HELP) {
      expect(squeeze(stdout), id).toContain(squeeze(zh(id)));
      expect(squeeze(stdout), id).not.toContain(squeeze(say('en', id)));
    }
    expect(stdout).toMatch(/--cache\s+课程视频没有改动时/);
    expect(stdout).toMatch(/退出码：\n\s+0 {4}所有输出都通过了.*\n\s+1 {4}.*\n\s+2 {4}命令本身有误\n\s+130 {2}按了 Ctrl-C/);
    expect(stdout).not.toMatch(/Options:|Examples:|Positionals:|Exit codes|Show help|\[boolean\]|\[string\]|default:|lesson files|re-encode|result cache/);
    // --locale wins over LANG: English, word for word as in an English environment, and no Chinese.
    const english = await runCli(['fix', '--help', '--locale', 'en'], { env: CHINESE });
    expect(english.stdout).toContain('--cache');
    expect(english.stdout).toMatch(/Exit codes:\n\s+0 {4}every output passes/);
    expect(english.stdout).not.toMatch(HAN);
    expect(english.stdout).toBe((await runCli(['fix', '--help'])).stdout);
  });

  it('-h loads the bundle\'s messages, and no media code and no package from node_modules', async () => {
    const loadedBy = (args: string[]) => loadedModules(args, { env: { ...CHINESE, COURSEWARE_CHECK_CACHE_DIR: scratch } });
    const help = await loadedBy(['-h']);
    expect(help.exitCode).toBe(0);
    expect(help.files.filter((url) => !url.includes('/packages/cli/'))).toEqual([]);
    expect(help.code).toContain('checker-core/src/messages/zh.ts');
    const media = /function (startTool|probeMedia|analyzeVideo|analyzeAudio|judge)\(|node_modules\/execa\//g;
    expect(help.code.match(media)).toBeNull();
    // The same look at a quick check finds them: the test can fail.
    expect((await loadedBy(['--quick', '--no-cache', 'sample-media'])).code.match(media)?.length).toBeGreaterThan(3);
  }, 60_000);
});

describe('usage errors in the locale', () => {
  const chinese = (args: string[], input?: string) => runCli(args, { env: CHINESE, input });

  it('yargs’ errors: an unknown option, a value not among the choices', async () => {
    const unknown = await chinese(['--sharpness', LESSON]);
    expect(unknown).toMatchObject({ exitCode: 2, stdout: '', stderr: 'courseware-check: 不认识的选项：sharpness' });
    const format = await chinese(['--format', 'pdf', LESSON]);
    expect(format).toMatchObject({ exitCode: 2, stderr: 'courseware-check: 取值无效：选项 format 不能取 "pdf"，可选的值："text", "json", "ndjson", "junit", "html"' });
    // English, in one line (yargs puts the value on a line of its own).
    expect((await runCli(['--format', 'pdf', LESSON])).stderr).toBe('courseware-check: Invalid values: Argument: format, Given: "pdf", Choices: "text", "json", "ndjson", "junit", "html"');
    expect((await runCli(['--sharpness', LESSON])).stderr).toBe('courseware-check: Unknown argument: sharpness');
    expect((await runCli(['--sharpness', '--focus', LESSON])).stderr).toBe('courseware-check: Unknown arguments: sharpness, focus');
  });

  it('bad numbers: --jobs 0, --stall-timeout 0, --max-warnings -1', async () => {
    expect(await chinese(['--jobs', '0', LESSON])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: --jobs 须为不小于 1 的整数，不能是 0' });
    expect(await chinese(['--stall-timeout', '0', LESSON])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: --stall-timeout 须为大于 0 的秒数，不能是 0' });
    expect(await chinese(['--max-warnings', '-1', LESSON])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: --max-warnings 须为不小于 0 的整数，不能是 -1' });
    // --locale decides, whatever LANG says, in both directions.
    expect((await chinese(['--locale', 'en', '--jobs', '0', LESSON])).stderr).toBe('courseware-check: --jobs must be a whole number ≥ 1, not 0');
    expect((await runCli(['--jobs', '0', '--locale', 'zh', LESSON])).stderr).toBe('courseware-check: --jobs 须为不小于 1 的整数，不能是 0');
  });

  it('outputs that cannot be written: -o into a missing folder, -o onto a folder, --evidence onto a file', async () => {
    const folder = join(scratch, 'no-such-folder');
    const out = join(folder, 'r.json');
    expect(await chinese(['-o', out, LESSON])).toMatchObject({ exitCode: 2, stdout: '', stderr: `courseware-check: 无法把报告写入 ${out}：文件夹 ${folder} 不存在` });
    expect((await chinese(['-o', scratch, LESSON])).stderr).toBe(`courseware-check: 无法把报告写入 ${scratch}：这是一个文件夹`);
    expect((await chinese(['--evidence', LESSON, LESSON])).stderr).toBe(`courseware-check: --evidence ${LESSON} 是一个文件，不是文件夹`);
  });

  it('nothing to check: standard input empty, "-" twice, a folder with no lesson (and what was left out in it)', async () => {
    expect(await chinese(['-'], '\n')).toMatchObject({ exitCode: 2, stderr: 'courseware-check: 没有可检查的文件：标准输入（“-”）里没有任何路径' });
    expect((await chinese(['-', '-'], '')).stderr).toBe('courseware-check: “-”（从标准输入读取路径）只能写一次');
    const empty = await mkdtemp(join(scratch, 'empty-'));
    expect(await chinese([empty])).toMatchObject({ exitCode: 2, stderr: `courseware-check: ${empty} 里没有可检查的课程视频或字幕文件` });
    const old = await mkdtemp(join(scratch, 'old-'));
    await writeFile(join(old, 'lesson.avi'), 'not looked at: skipped by its name');
    expect((await chinese([old])).stderr).toBe(
      `courseware-check: ${old} 里没有可检查的课程视频或字幕文件；${join(old, 'lesson.avi')}：不是课程视频格式（.avi），未检查；如需检查，请直接指定这个文件`,
    );
    expect((await runCli([old])).stderr).toBe(`courseware-check: nothing to check in ${old}; ${join(old, 'lesson.avi')}: not a lesson video type (.avi; name the file to check it anyway)`);
  });

  it('a bad profile: introduced in Chinese, its key named as in English', async () => {
    const profile = join(scratch, 'bad.json');
    await writeFile(profile, JSON.stringify({ extends: 'web', rules: { 'video.sharpness': 'off' } }));
    expect(await chinese(['--profile', profile, LESSON])).toMatchObject({
      exitCode: 2,
      stdout: '',
      stderr: `courseware-check: 无法使用这个规范（--profile）：profile ${profile}: unknown rule "video.sharpness"`,
    });
  });

  it('fix-subtitles: no file, a file that is not a subtitle file', async () => {
    expect(await chinese(['fix-subtitles'])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: fix-subtitles 需要至少一个 .srt 或 .vtt 字幕文件' });
    const out = await mkdtemp(join(scratch, 'fixed-'));
    expect((await chinese(['fix-subtitles', LESSON, 'notes.txt', '--output', out])).stderr).toBe(
      `courseware-check: fix-subtitles 只处理 .srt 和 .vtt 字幕文件，${LESSON} 和 notes.txt 不是（要修正课程视频，请用 fix）`,
    );
  });

  it('fix: no --output, no lesson, an empty --only, --stall-timeout 0, an unknown rule: one line, exit 2, in the locale', async () => {
    expect(await chinese(['fix', 'sample-media'])).toMatchObject({ exitCode: 2, stdout: '', stderr: 'courseware-check: fix 需要 --output 文件夹：用来存放修正后的课程视频' });
    expect(await runCli(['fix', 'sample-media'])).toMatchObject({ exitCode: 2, stdout: '', stderr: 'courseware-check: fix needs --output DIR: the folder for the fixed lessons' });
    expect((await chinese(['fix', 'sample-media', '--locale', 'en'])).stderr).toBe('courseware-check: fix needs --output DIR: the folder for the fixed lessons');
    expect(await chinese(['fix', '--output', scratch])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: fix 需要至少一个课程视频文件或文件夹' });
    expect((await runCli(['fix', '--output', scratch])).stderr).toBe('courseware-check: fix needs at least one lesson file or folder');
    expect(await chinese(['fix', LESSON, '--output', scratch, '--only', ','])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: --only 需要检查项 id，例如 --only av.sync,audio.loudness' });
    expect(await chinese(['fix', LESSON, '--output', scratch, '--stall-timeout', '0'])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: --stall-timeout 须为大于 0 的秒数，不能是 0' });
    expect(await chinese(['fix', LESSON, '--output', scratch, '--only', 'video.codecs'])).toMatchObject({
      exitCode: 2,
      stderr: 'courseware-check: --only 中的 "video.codecs" 不是任何检查项的 id（见 docs/rules.md）',
    });
    expect((await runCli(['fix', LESSON, '--output', scratch, '--only', 'video.codecs'])).stderr).toBe('courseware-check: --only names no rule "video.codecs" (see docs/rules.md)');
    expect(await chinese(['fix', LESSON, '--output', scratch, '--sharpness'])).toMatchObject({ exitCode: 2, stderr: 'courseware-check: 不认识的选项：sharpness' });
  });

  it('parseFixCommand: a FixUsageError is a UsageError with its id, English as an Error, Chinese when rendered', () => {
    const error = (() => {
      try {
        parseFixCommand(['fix', 'a.mov'], { locale: 'zh' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FixUsageError);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ messageId: 'cli/fix-needs-output', params: {}, message: 'fix needs --output DIR: the folder for the fixed lessons' });
    expect((error as UsageError).render('zh')).toBe('fix 需要 --output 文件夹：用来存放修正后的课程视频');
    // yargs' own errors in the locale asked for.
    expect(() => parseFixCommand(['fix', 'a.mov', '-o', 'out', '--sharpness'], { locale: 'zh' })).toThrow(expect.objectContaining({ messageId: 'cli/yargs-error', params: { text: '不认识的选项：sharpness' } }));
  });

  it('parseArguments: a UsageError carries its id and parameters, says itself in either language, and is English as an Error', async () => {
    const error = await parseArguments(['--jobs', '0', LESSON], { defaultJobs: 1, env: CHINESE, stdoutIsTTY: false, stderrIsTTY: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ messageId: 'cli/jobs-invalid', params: { value: '0' }, message: '--jobs must be a whole number ≥ 1, not 0' });
    expect((error as UsageError).render('zh')).toBe('--jobs 须为不小于 1 的整数，不能是 0');
  });
});

describe('what the command says around a check, in the locale', () => {
  it('the report written, more warnings than --max-warnings', async () => {
    const out = join(scratch, 'report.txt');
    const run = await runCli(['--quick', '--max-warnings', '0', '-o', out, LESSON], { env: CHINESE });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain(`courseware-check: text 报告已写入 ${out}\n`);
    expect(run.stderr).toMatch(/courseware-check: 有 \d+ 条警告，超过了 --max-warnings 0（/);
    expect(run.stderr).not.toMatch(/report written|warning\(s\)/);
  });

  it('fix-subtitles: each file’s line and the re-check in Chinese', async () => {
    const folder = await mkdtemp(join(scratch, 'subtitles-'));
    const original = join(folder, 'lesson.srt');
    await writeFile(original, '1\n00:00:01,000 --> 00:00:02,000\n短句。\n');
    const out = join(folder, 'fixed');
    await mkdir(out);
    const run = await runCli(['fix-subtitles', original, '--output', out], { env: CHINESE });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(`已修正  ${original} → ${join(out, 'lesson.srt')}（utf-8 → UTF-8，1 条字幕）\n  ✓ 已重新检查：subtitle.encoding 和 subtitle.line-length 都通过`);
    const english = await runCli(['fix-subtitles', original, '--output', join(folder, 'fixed-en')]);
    expect(english.stdout).toBe(`FIXED  ${original} → ${join(folder, 'fixed-en', 'lesson.srt')} (utf-8 → UTF-8, 1 cues)\n  ✓ re-checked: subtitle.encoding and subtitle.line-length pass`);
  });

  it.skipIf(process.platform === 'win32')('the progress line on a terminal (a pseudo-terminal from script(1)): 已用 … in Chinese, 0s in English', async () => {
    const onTerminal = (env: Record<string, string>) =>
      execa('script', ['-q', '-e', '-c', `node ${BIN} --jobs 1 --quick ${LESSON}`, '/dev/null'], { cwd: REPO_ROOT, reject: false, env: { NO_COLOR: '1', TERM: 'xterm', ...env } });
    const chinese = await onTerminal(CHINESE);
    expect(chinese.stdout).toMatch(/\[0\/1\] 已用 \d+秒/);
    const english = await onTerminal({ LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
    expect(english.stdout).toMatch(/\[0\/1\] \d+s/);
    expect(english.stdout).not.toMatch(/已用/);
  });
});

describe('the locale, known before yargs runs', () => {
  it('the last --locale zh|en (or --locale=…) before `--`, else LC_ALL, LC_MESSAGES, LANG', () => {
    expect(chooseLocale(['-h'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(chooseLocale(['-h'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(chooseLocale(['--locale', 'zh', '-h'], {})).toBe('zh');
    expect(chooseLocale(['-h', '--locale=en'], { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(chooseLocale(['--locale', 'zh', '--locale', 'en'], {})).toBe('en');
    // A value yargs will refuse counts for nothing; after `--`, `--locale` is a file name.
    expect(chooseLocale(['--locale', 'fr'], { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(chooseLocale(['--', '--locale', 'zh'], {})).toBe('en');
    // The `--` that pnpm passes on to a script (`pnpm run check -- --locale zh -h`) is not the end of options.
    expect(chooseLocale(['--', '--locale', 'zh', '-h'], { npm_lifecycle_script: 'node packages/cli/bin/courseware-check.js -- --locale zh -h' })).toBe('zh');
  });
});

describe('the catalogues hold the command line’s words in both languages', () => {
  /** Parameters for any of the command line's messages. */
  const PARAMS = {
    count: 2,
    passes: true,
    paths: ['lessons/'],
    files: ['a.mp4'],
    skipped: [{ messageId: 'run/skipped-path', params: { path: 'lessons/x.avi', reason: { messageId: 'skipped/dangling-link', params: {} } } }],
    cues: { messageId: 'cli/fix-subtitles-cues', params: { cuesIn: '3' } },
    ...Object.fromEntries(['value', 'path', 'folder', 'detail', 'text', 'format', 'signal', 'done', 'total', 'max', 'elapsed', 'remaining', 's', 'm', 'h', 'cuesIn', 'cuesOut', 'file', 'output', 'encoding', 'dropped', 'reason'].map((name) => [name, 'x'])),
  };

  it('every cli/ and run/ message renders in both; the Chinese is Chinese', () => {
    const ids = Object.keys(catalogues.en).filter((id) => id.startsWith('cli/') || id.startsWith('run/'));
    expect(ids.length).toBeGreaterThan(80);
    for (const id of ids) {
      const en = renderStrict('en', id, PARAMS);
      const chinese = renderStrict('zh', id, PARAMS);
      expect(`${en}${chinese}`, id).not.toMatch(/[{}]/);
      // A message that is only its parameter is the same in both.
      if (id === 'cli/yargs-error') continue;
      expect(chinese, id).not.toBe(en);
      if (id !== 'run/skipped-path') expect(chinese, id).toMatch(HAN);
    }
  });
});
