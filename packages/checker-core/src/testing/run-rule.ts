import type { MediaFacts } from '../facts/facts.js';
import type { Finding, Locale } from '../facts/finding.js';
import { evaluate } from '../engine/evaluate.js';
import { renderStrict } from '../messages/render.js';
import { defaultOptionsOf, type OptionValue, type RuleContext } from '../rules/rule.js';
import { rulesById } from '../rules/index.js';

/**
 * Runs one rule with its defaults (or the given options) the way the engine does, in English. Every
 * finding's message and expectation must render in every locale, with every parameter it names:
 * so each rule's tests, which walk its outcomes, check the catalogues too.
 */
export function runRule(id: string, facts: MediaFacts, options: Record<string, OptionValue> = {}, context: Partial<RuleContext> = {}): Finding[] {
  const rule = rulesById.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const findings = evaluate({ rule, severity: rule.severity, options: { ...defaultOptionsOf(rule), ...options } }, facts, { language: 'zh', ...context, locale: 'en' }, false);
  for (const finding of findings) for (const locale of ['zh', 'en'] as const) textOf(finding, locale);
  return findings;
}

/** A finding's message in a locale (throws when the catalogue lacks it or a parameter). */
export function textOf(finding: Finding, locale: Locale): string {
  renderStrict(locale, finding.expectedId, finding.expectedParams);
  return renderStrict(locale, finding.messageId, finding.params);
}

/** A finding's expectation in a locale. */
export function expectedOf(finding: Finding, locale: Locale): string {
  return renderStrict(locale, finding.expectedId, finding.expectedParams);
}

/** The verdict: the first finding's status. */
export function verdictOf(id: string, facts: MediaFacts, options: Record<string, OptionValue> = {}): Finding['status'] {
  return runRule(id, facts, options)[0]!.status;
}
