import type { MediaFacts } from '../facts/facts.js';
import type { Area, Outcome, Severity } from '../facts/finding.js';

export type { Area };
import type { AudioMeterOptions } from '../facts/measurements.js';

/**
 * What a rule reads; the engine runs an expensive pass only when an enabled rule needs it.
 * `folder`: what the other lessons of the folder share (intros and outros), known only when the
 * batch is done; the engine judges such a rule again then, on the facts a report keeps (without
 * the per-frame and per-100 ms arrays, which are not held for a whole batch).
 */
export type Need = 'probe' | 'packets' | 'audio' | 'video' | 'subtitles' | 'folder';

/** Facts available without decoding: `--quick` runs only rules that need no more. */
export const QUICK_NEEDS: ReadonlySet<Need> = new Set(['probe', 'packets', 'subtitles']);

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

export interface Rule<O extends Record<string, OptionValue> = Record<string, OptionValue>> {
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
  check(facts: MediaFacts, options: O, context: RuleContext): Outcome | Outcome[];
}

export type AnyRule = Rule<any>;

/** Identity function that lets TypeScript infer a rule's option types. */
export function defineRule<O extends Record<string, OptionValue>>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function defaultOptionsOf<O extends Record<string, OptionValue>>(rule: Rule<O>): O {
  const entries = Object.entries(rule.options).map(([key, spec]) => [key, (spec as OptionSpec).default]);
  return Object.fromEntries(entries) as O;
}

/** Rules round their measurements with the reports' helper. */
export { round } from '../facts/units.js';
