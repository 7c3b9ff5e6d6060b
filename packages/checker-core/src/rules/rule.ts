import type { MediaFacts } from '../facts/facts.js';
import type { Area, Outcome, Severity } from '../facts/finding.js';
import type { ReportedFacts } from '../facts/reported-facts.js';

export type { Area };
import type { AudioMeterOptions } from '../facts/measurements.js';

/**
 * What a rule reads; the engine runs an expensive pass only when an enabled rule needs it.
 * `folder`: what the other lessons of the folder share (intros and outros), known only when the
 * batch is done; the engine judges such a rule again then, on the facts a report keeps (without
 * the per-frame and per-100 ms arrays, which are not held for a whole batch).
 * `project`: the rule judges a training project (`--project`), once the batch is done, on its
 * lessons' reported facts (`ProjectFacts`), never a file; its other needs say what those facts must hold.
 */
export type Need = 'probe' | 'packets' | 'audio' | 'video' | 'subtitles' | 'folder' | 'project';

/** Facts available without decoding: `--quick` runs only rules that need no more (a project's lessons are known either way). */
export const QUICK_NEEDS: ReadonlySet<Need> = new Set(['probe', 'packets', 'subtitles', 'project']);

/** What a project rule reads: a folder checked as a training project, and each of its lessons with the facts its report keeps. */
export interface ProjectFacts {
  path: string;
  /** The media files under the folder, in the report's order; `facts` is null for a lesson that could not be checked. */
  lessons: { path: string; facts: ReportedFacts | null }[];
}

export type OptionValue = number | boolean | string;

export interface OptionSpec<V extends OptionValue = OptionValue> {
  default: V;
  description: string;
  /** Inclusive bounds for numbers. */
  min?: number;
  max?: number;
}

export type OptionSpecs<O> = { [K in keyof O]: O[K] extends OptionValue ? OptionSpec<O[K]> : never };


export interface RuleContext {
  /** The course language (`--language`). */
  language: 'zh' | 'en';
}

export type { Outcome } from '../facts/finding.js';

/** A rule; `F` is what it judges: one file's facts, or a project's lessons (`needs: ['project', …]`). */
export interface Rule<O extends Record<string, OptionValue> = Record<string, OptionValue>, F = MediaFacts> {
  id: string;
  area: Area;
  /** The phrase of the notice the rule comes from, or "(beyond the notice)". */
  notice: string;
  description: string;
  severity: Severity;
  needs: readonly Need[];
  options: OptionSpecs<O>;
  /** The audio meters' parameters this rule's options set (one audio pass serves every rule). */
  audioMeters?: (options: O) => Partial<AudioMeterOptions>;
  /**
   * The picture a timed finding shows: the event's first frame (a freeze, black), the middle of its
   * range (a shot), or a strip of the frame before, the event's first frame and the frame after (a flash).
   */
  evidence?: 'event-start' | 'range-middle' | 'frame-strip';
  /** Pure: reads facts, returns the rule's verdict first, then any detail findings. */
  check(facts: F, options: O, context: RuleContext): Outcome | Outcome[];
}

export type AnyRule = Rule<any, any>;

/** Identity function that lets TypeScript infer a rule's option types. */
export function defineRule<O extends Record<string, OptionValue>>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** The same for a rule judged once per project on its lessons: its needs start with `project`. */
export function defineProjectRule<O extends Record<string, OptionValue>>(rule: Rule<O, ProjectFacts> & { needs: readonly ['project', ...Need[]] }): Rule<O, ProjectFacts> {
  return rule;
}

/** Whether a rule judges projects (`--project`) rather than files. */
export function isProjectRule(rule: Pick<AnyRule, 'needs'>): boolean {
  return rule.needs.includes('project');
}

export function defaultOptionsOf<O extends Record<string, OptionValue>>(rule: Pick<Rule<O, unknown>, 'options'>): O {
  const entries = Object.entries(rule.options).map(([key, spec]) => [key, (spec as OptionSpec).default]);
  return Object.fromEntries(entries) as O;
}

/** Rules round their measurements with the reports' helper. */
export { round } from '../facts/units.js';
