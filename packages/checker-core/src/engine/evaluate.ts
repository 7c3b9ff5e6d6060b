import type { MediaFacts, SharedPassages } from '../facts/facts.js';
import { fileStatusOf, type FileResult, type Finding, type Locale, type Severity } from '../facts/finding.js';
import { renderMessage } from '../messages/render.js';
import type { Profile, RuleSetting } from '../profiles/profile.js';
import { isProjectRule, type Outcome, type ProjectFacts, type RuleContext } from '../rules/rule.js';
import { runsInQuick } from './plan.js';

/** What judging needs beside the facts: the rules' context, and the locale the messages are rendered in (rules never read it). */
export interface JudgeContext extends RuleContext {
  /** The language of the findings' `message` and `expected` (default `en`). */
  locale?: Locale;
}

/** Runs one rule, on a file's facts or (a project rule) a project's lessons; its first outcome is its verdict, any others are details with the same id. */
export function evaluate(setting: RuleSetting, facts: MediaFacts | ProjectFacts, context: JudgeContext, quick: boolean): Finding[] {
  const { rule, severity, options } = setting;
  const locale = context.locale ?? 'en';
  // A project rule reads a project's lessons (`--project`): one file's facts say nothing of them.
  if (isProjectRule(rule) && !('lessons' in facts)) {
    return [toFinding(rule.id, severity, { status: 'skip', messageId: 'skip/project-only', measured: null, expectedId: 'expected/none' }, locale)];
  }
  if (quick && !runsInQuick(rule.needs)) {
    return [toFinding(rule.id, severity, { status: 'skip', messageId: 'skip/quick', measured: null, expectedId: 'expected/none' }, locale)];
  }
  let result: Outcome | Outcome[];
  try {
    result = rule.check(facts, options, context);
  } catch (error) {
    throw new Error(`rule ${rule.id} failed (${(error as Error).message})`);
  }
  const outcomes: Outcome[] = Array.isArray(result) ? result : [result];
  return outcomes.map((outcome) => toFinding(rule.id, severity, outcome, locale));
}

/**
 * A rule's outcome as a report shows it. A rule says `fail` when it is not met; a rule of severity
 * `warning` (by default or by the profile) that is not met is a warning, so its status is `warn`,
 * never `fail` (RULES.md, "Verdicts and exit codes"). A `warn` is a warning whatever the rule's
 * severity (e.g. audio.bitrate under the notice's 1.4 Mbps). Messages are rendered in the locale.
 */
export function toFinding(rule: string, severity: Severity, outcome: Outcome, locale: Locale): Finding {
  const status = outcome.status === 'fail' && severity === 'warning' ? 'warn' : outcome.status;
  const params = outcome.params ?? {};
  return {
    rule,
    ...outcome,
    status,
    severity: status === 'warn' ? 'warning' : severity,
    params,
    message: renderMessage(locale, outcome.messageId, params),
    expected: renderMessage(locale, outcome.expectedId, outcome.expectedParams ?? {}),
  };
}

/** Every file rule of the profile that applies to the facts (a subtitle file on its own: the subtitle rules); project rules judge projects. */
export function judge(facts: MediaFacts, profile: Profile, context: JudgeContext, quick: boolean): Finding[] {
  return profile.settings.filter((s) => !isProjectRule(s.rule) && (facts.kind === 'media' || s.rule.area === 'subtitle')).flatMap((s) => evaluate(s, facts, context, quick));
}

/**
 * Lessons of one course share their intro and outro: when the batch has found the passages a file
 * shares with its neighbours, the rules that read them (`needs: ['folder']`) are judged again.
 */
export function rejudge(result: FileResult, passages: SharedPassages, profile: Profile, context: JudgeContext): FileResult {
  if (!result.facts) return result;
  const reported = { ...result.facts, sharedPassages: passages };
  // Those rules read chapters, the duration and the shared passages, all in the reported facts.
  const facts = reported as MediaFacts;
  const findings = profile.settings.flatMap((setting) =>
    setting.rule.needs.includes('folder') ? evaluate(setting, facts, context, false) : result.findings.filter((f) => f.rule === setting.rule.id),
  );
  return { ...result, facts: reported, findings, status: fileStatusOf(findings) };
}
