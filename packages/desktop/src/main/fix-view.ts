/**
 * The fixer's plan and results as the window shows them: plain data, every sentence rendered in
 * both of the window's languages here (the fixer's catalogue is in the core's engine, which the
 * sandboxed page cannot load), what was measured as the reports print it.
 */
import { basename } from 'node:path';
import { formatMeasured, sayFix, type FixedFile, type FixPlan, type FixRuleResult, type FixWords, type RuleFix } from '@courseware-check/checker-core';
import type { FixPlanView, FixResultView, FixRuleView, Said } from '../shared/api.js';

export function said(words: FixWords): Said {
  return { zh: sayFix(words, 'zh'), en: sayFix(words, 'en') };
}

/** A step's sentence names its output by file name: the folder is chosen after the plan is shown. */
export function stepSaid(words: FixWords): Said {
  const output = words.params?.output;
  return said(typeof output === 'string' ? { ...words, params: { ...words.params, output: basename(output) } } : words);
}

/** What was measured, as the reports print it: a value in full; a record without its empty fields, in at most 80 characters (as the command line prints it). */
function measuredText(measured: Parameters<typeof formatMeasured>[0]): string {
  if (measured === null || typeof measured !== 'object') return formatMeasured(measured);
  const text = formatMeasured(Object.fromEntries(Object.entries(measured).filter(([, value]) => value !== null && value !== undefined)));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function ruleView(rule: RuleFix | FixRuleResult): FixRuleView {
  const result = 'after' in rule ? rule : null;
  return {
    rule: rule.rule,
    status: rule.status,
    says: said(rule.says),
    warnings: rule.warnings.map(said),
    before: { status: rule.before.status, measured: measuredText(rule.before.measured) },
    after: (result?.after ?? []).map((a) => ({ output: a.output, status: a.status, measured: measuredText(a.measured) })),
    passes: result?.passes ?? null,
  };
}

export function planView(runId: string, index: number, plan: FixPlan): FixPlanView {
  return {
    runId,
    index,
    path: plan.path,
    outcome: plan.outcome,
    reason: plan.reason ? said(plan.reason) : null,
    rules: plan.rules.map(ruleView),
    steps: plan.steps.map((step) => ({ kind: step.kind, says: stepSaid(step.says) })),
    warnings: plan.warnings.map(said),
  };
}

export function resultView(file: FixedFile): FixResultView {
  return {
    path: file.path,
    outcome: file.outcome,
    says: said(file.says),
    rules: file.rules.map(ruleView),
    outputs: file.outputs,
    subtitles: file.subtitles,
    regressed: file.regressed,
  };
}
