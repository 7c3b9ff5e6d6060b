import type { MediaFacts, SharedPassages } from '../facts/facts.js';
import { fileStatusOf, type FileResult, type Finding } from '../facts/finding.js';
import type { Profile, RuleSetting } from '../profiles/profile.js';
import type { Outcome, RuleContext } from '../rules/rule.js';
import { runsInQuick } from './plan.js';

/** Runs one rule; its first outcome is its verdict, any others are details with the same id. */
export function evaluate(setting: RuleSetting, facts: MediaFacts, context: RuleContext, quick: boolean): Finding[] {
  const { rule, severity, options } = setting;
  if (quick && !runsInQuick(rule.needs)) {
    return [{ rule: rule.id, status: 'skip', severity, message: 'not run in --quick mode (needs decoding)', measured: null, expected: '' }];
  }
  let result: Outcome | Outcome[];
  try {
    result = rule.check(facts, options, context);
  } catch (error) {
    throw new Error(`rule ${rule.id} failed (${(error as Error).message})`);
  }
  const outcomes: Outcome[] = Array.isArray(result) ? result : [result];
  return outcomes.map((outcome) => ({
    rule: rule.id,
    ...outcome,
    // A warning is a warning whatever the rule's severity (e.g. audio.bitrate under the notice's 1.4 Mbps).
    severity: outcome.status === 'warn' ? 'warning' : severity,
  }));
}

/** Every rule of the profile that applies to the facts (a subtitle file on its own: the subtitle rules). */
export function judge(facts: MediaFacts, profile: Profile, context: RuleContext, quick: boolean): Finding[] {
  return profile.settings.filter((s) => facts.kind === 'media' || s.rule.area === 'subtitle').flatMap((s) => evaluate(s, facts, context, quick));
}

/**
 * Lessons of one course share their intro and outro: when the batch has found the passages a file
 * shares with its neighbours, the rules that read them (`needs: ['folder']`) are judged again.
 */
export function rejudge(result: FileResult, passages: SharedPassages, profile: Profile, context: RuleContext): FileResult {
  if (!result.facts) return result;
  const reported = { ...result.facts, sharedPassages: passages };
  // Those rules read chapters, the duration and the shared passages, all in the reported facts.
  const facts = reported as MediaFacts;
  const findings = profile.settings.flatMap((setting) =>
    setting.rule.needs.includes('folder') ? evaluate(setting, facts, context, false) : result.findings.filter((f) => f.rule === setting.rule.id),
  );
  return { ...result, facts: reported, findings, status: fileStatusOf(findings) };
}
