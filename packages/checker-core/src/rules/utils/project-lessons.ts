import { basename, relative, sep } from 'node:path';
import type { ReportedFacts } from '../../facts/reported-facts.js';
import type { ProjectFacts } from '../rule.js';

/** A lesson's duration as `video.duration` reads it: the container's, else its video's, else its audio's; null when unknown. */
export function lessonDurationS(facts: ReportedFacts | null): number | null {
  if (!facts) return null;
  return facts.durationS ?? facts.video?.durationS ?? facts.audio?.durationS ?? null;
}

/** How a message names a lesson: its path below the project's folder (shorter than the report's path, and unambiguous beside it). */
export function lessonName(project: ProjectFacts, lessonPath: string): string {
  const below = relative(project.path, lessonPath);
  return below && below !== '..' && !below.startsWith(`..${sep}`) ? below : basename(lessonPath);
}

export interface OddLessons<V> {
  /** How many lessons had a value to compare. */
  compared: number;
  /** The most common value (on a tie, the one met first in the report's order). */
  majority: V;
  majorityCount: number;
  /** The lessons whose value is not the majority's, in the report's order. */
  odd: { path: string; value: V }[];
}

/**
 * The value most lessons share, and the lessons that differ from it; null when fewer than two lessons
 * have a value (nothing to compare). `keyOf` says when two values are the same.
 */
export function oddLessons<V>(project: ProjectFacts, valueOf: (facts: ReportedFacts) => V | null, keyOf: (value: V) => string = String): OddLessons<V> | null {
  const valued = project.lessons.flatMap(({ path, facts }) => {
    const value = facts ? valueOf(facts) : null;
    return value === null ? [] : [{ path, value, key: keyOf(value) }];
  });
  if (valued.length < 2) return null;
  const counts = new Map<string, number>();
  for (const { key } of valued) counts.set(key, (counts.get(key) ?? 0) + 1);
  // Map keeps insertion order: the first of the most common values wins a tie.
  const [majorityKey, majorityCount] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const majority = valued.find((v) => v.key === majorityKey)!.value;
  return { compared: valued.length, majority, majorityCount, odd: valued.filter((v) => v.key !== majorityKey).map(({ path, value }) => ({ path, value })) };
}
