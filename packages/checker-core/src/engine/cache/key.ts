import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../profiles/profile.js';
import type { CheckTarget } from '../discover.js';

/** Bumped when what an entry holds changes shape: older entries are then simply never found. */
const ENTRY_FORMAT = 1;

/** Everything beside the file's bytes that a verdict depends on. */
export interface VerdictSettings {
  toolVersion: string;
  /** The first lines of `ffmpeg -version` and `ffprobe -version`. */
  ffmpeg: string;
  ffprobe: string;
  profile: Profile;
  quick: boolean;
  /** The course language (`subtitle.language`). */
  language: 'zh' | 'en';
  /** What the checker's own code is (see codeStamp); a new build of a rule is a new verdict. */
  code: string;
}

/**
 * One digest of the settings, computed once a run. The profile counts by what it resolves to (each
 * enabled rule, its severity and options), not by its name or file: an edited profile file is a miss.
 * The locale does not count: messages are rendered again from their ids when an entry is read.
 */
export function settingsDigest(settings: VerdictSettings): string {
  const profile = settings.profile.settings.map(({ rule, severity, options }) => [rule.id, severity, options]);
  const { toolVersion, ffmpeg, ffprobe, quick, language, code } = settings;
  return sha256(JSON.stringify([ENTRY_FORMAT, toolVersion, code, ffmpeg, ffprobe, profile, quick, language]));
}

/** The bytes of a target and of its sidecar subtitles, which its verdict reads too. */
export interface TargetContent {
  sha256: string;
  sidecars: { path: string; sha256: string }[];
}

/**
 * The key of one file's entry: the settings, its content and its sidecars'. The path as the report
 * shows it counts too, since the verdict names it (and its sidecars): the same bytes under another
 * name are checked again, once.
 */
export function entryKey(digest: string, target: CheckTarget, content: TargetContent): string {
  return sha256(JSON.stringify([digest, target.kind, target.path, content.sha256, content.sidecars.map((s) => [s.path, s.sha256])]));
}

/** The checker's own source or build folder (`src/` or `dist/` of checker-core), or a bundle's folder. */
const HERE = fileURLToPath(new URL('.', import.meta.url));
const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let stamp: Promise<string> | undefined;

/**
 * A digest of the checker's code by content, so that a developer's changed rule never meets a verdict
 * its old version left in the cache while the version number stays the same: every module of
 * checker-core (about 2 MB), or where it is bundled (the command, the desktop app) the bundle's files
 * beside this one. Read once a process, when the cache is used.
 */
export function codeStamp(): Promise<string> {
  stamp ??= (async () => {
    const bundled = !existsSync(join(CODE_ROOT, 'engine', 'cache'));
    const root = bundled ? HERE : CODE_ROOT;
    const names = (await readdir(root, { recursive: !bundled }))
      .filter((name) => /\.(m?js|ts)$/.test(name) && !/\.(d\.ts|test\.[jt]s)$/.test(name))
      .sort();
    const contents = await Promise.all(names.map((name) => readFile(join(root, name))));
    const hash = createHash('sha256');
    names.forEach((name, i) => hash.update(name).update('\0').update(contents[i]!).update('\0'));
    return hash.digest('hex');
  })();
  return stamp;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
