import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileStatusOf, type FileResult, type ProjectResult } from '../facts/finding.js';
import { round } from '../facts/units.js';
import type { Profile } from '../profiles/profile.js';
import { isProjectRule, type ProjectFacts } from '../rules/rule.js';
import { lessonDurationS } from '../rules/utils/project-lessons.js';
import { evaluate, type JudgeContext } from './evaluate.js';

/** The paths given that are folders, each once: with `--project`, each is a training project. */
export async function projectFolders(paths: readonly string[]): Promise<string[]> {
  const folders = new Map<string, string>();
  for (const path of paths) {
    const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
    if (isFolder && !folders.has(resolve(path))) folders.set(resolve(path), path);
  }
  return [...folders.values()];
}

/**
 * Judges each project once the batch is done. Its lessons are the media files found under its folder
 * (a lesson under two of the folders given belongs to the deeper one), in the report's order; the
 * profile's project rules read their reported facts, so a result from a cache or a worker serves as
 * well as one checked here.
 */
export function judgeProjects(folders: readonly string[], lessons: readonly FileResult[], profile: Profile, context: JudgeContext, quick: boolean): ProjectResult[] {
  const settings = profile.settings.filter((setting) => isProjectRule(setting.rule));
  const byFolder = new Map<string, FileResult[]>(folders.map((folder) => [folder, []]));
  for (const lesson of lessons) {
    const home = folders.filter((folder) => isUnder(lesson.path, folder)).sort((a, b) => resolve(b).length - resolve(a).length)[0];
    if (home !== undefined) byFolder.get(home)!.push(lesson);
  }
  return folders.map((path) => {
    const members = byFolder.get(path)!;
    const project: ProjectFacts = { path, lessons: members.map((lesson) => ({ path: lesson.path, facts: lesson.facts })) };
    const findings = settings.flatMap((setting) => evaluate(setting, project, context, quick));
    const totalDurationS = round(project.lessons.reduce((sum, { facts }) => sum + (lessonDurationS(facts) ?? 0), 0), 3);
    return { path, lessons: project.lessons.map((lesson) => lesson.path), totalDurationS, status: fileStatusOf(findings), findings };
  });
}

function isUnder(path: string, folder: string): boolean {
  const below = relative(resolve(folder), resolve(path));
  return below !== '' && below !== '..' && !below.startsWith(`..${sep}`) && !isAbsolute(below);
}
