import type { MediaFacts } from '../facts/facts.js';
import type { Finding } from '../facts/finding.js';
import { factsForReport } from '../facts/reported-facts.js';
import { evaluate } from '../engine/evaluate.js';
import { rulesById } from '../rules/index.js';
import { defaultOptionsOf, type OptionValue, type ProjectFacts } from '../rules/rule.js';
import { textOf } from './run-rule.js';

/** A project folder of lessons, as the engine hands it to project rules (each lesson's facts as its report keeps them). */
export function makeProject(lessons: Record<string, MediaFacts | null>, path = 'course'): ProjectFacts {
  return { path, lessons: Object.entries(lessons).map(([name, facts]) => ({ path: `${path}/${name}`, facts: facts && factsForReport(facts) })) };
}

/** Runs one project rule as the engine does, in English; every finding must render in both locales with all its parameters. */
export function runProjectRule(id: string, project: ProjectFacts, options: Record<string, OptionValue> = {}, quick = false): Finding[] {
  const rule = rulesById.get(id);
  if (!rule) throw new Error(`no rule ${id}`);
  const findings = evaluate({ rule, severity: rule.severity, options: { ...defaultOptionsOf(rule), ...options } }, project, { language: 'zh', locale: 'en' }, quick);
  for (const finding of findings) for (const locale of ['zh', 'en'] as const) textOf(finding, locale);
  return findings;
}
