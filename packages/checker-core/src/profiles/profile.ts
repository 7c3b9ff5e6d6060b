import type { Severity } from '../facts/finding.js';
import type { AnyRule, OptionValue } from '../rules/rule.js';

export interface RuleSetting {
  rule: AnyRule;
  severity: Severity;
  options: Record<string, OptionValue>;
}

/** A resolved profile: the enabled rules, in report order, with their severities and options. */
export interface Profile {
  name: string;
  settings: RuleSetting[];
}

/** What a profile file holds: `extends` a built-in, then per rule `"off"`, a severity, or an object. */
export interface ProfileFile {
  name?: string;
  description?: string;
  extends?: string;
  rules?: Record<string, 'off' | Severity | { enabled?: boolean; severity?: Severity; options?: Record<string, OptionValue> }>;
}
