/**
 * The lesson fixer (issue 13): `fix()` checks, plans the smallest change that makes each failing
 * rule pass, applies it with the bundled ffmpeg and checks the result; `planFixes()` is the plan
 * alone, pure, from a report. Exported from the package's root under names that say "fix".
 */
export {
  fix,
  FixCommandError,
  type FixEvent,
  type FixOptions as LessonFixOptions,
  type FixOutcome,
  type FixReport,
  type FixedFile,
  type RuleResult as FixRuleResult,
} from './apply.js';
export {
  planFixes,
  LOUDNESS_TARGET as FIX_LOUDNESS_TARGET,
  type FixPlan,
  type FixStep,
  type FixStepKind,
  type PlanOptions as FixPlanOptions,
  type PlannedOutput as FixPlannedOutput,
  type PlanOutcome as FixPlanOutcome,
  type RuleFix,
  type RuleFixStatus,
  type SubtitlePlan as FixSubtitlePlan,
} from './plan.js';
export { shellLine as fixCommandLine } from './commands.js';
export type { FileMeasurements as FixMeasurements } from './measurements.js';
export { fixCatalogues, say as sayFix, type FixLocale, type FixWordId, type FixWords } from './words.js';
