import type { MediaFacts } from '../facts/facts.js';
import type { Finding } from '../facts/finding.js';
import { evaluate } from '../engine/evaluate.js';
import { defaultOptionsOf, type OptionValue, type RuleContext } from '../rules/rule.js';
import { rulesById } from '../rules/index.js';

/** Runs one rule with its defaults (or the given options) the way the engine does. */
export function runRule(id: string, facts: MediaFacts, options: Record<string, OptionValue> = {}, context: Partial<RuleContext> = {}): Finding[] {
  const rule = rulesById.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return evaluate({ rule, severity: rule.severity, options: { ...defaultOptionsOf(rule), ...options } }, facts, { language: 'zh', ...context }, false);
}

/** The verdict: the first finding's status. */
export function verdictOf(id: string, facts: MediaFacts, options: Record<string, OptionValue> = {}): Finding['status'] {
  return runRule(id, facts, options)[0]!.status;
}
