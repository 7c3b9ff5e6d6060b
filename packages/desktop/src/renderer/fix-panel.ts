/**
 * "修复" (Fix) for a file of a finished check: its plan (per rule, what will be done or why it
 * cannot be), where to write (the bridge asks), the run with the encode's percent and time left,
 * and the re-check per rule before → after, as the command line prints it. One fix at a time;
 * it talks to the checker only through `window.checker`.
 */
import type { FindingStatus } from '@courseware-check/checker-core/facts';
import type { FixMessage, FixPlanView, FixResultView, FixRuleView, ProgressMessage, Said } from '../shared/api.js';
import { element } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';

type View =
  | { stage: 'planning' }
  | { stage: 'plan'; plan: FixPlanView }
  /** Waiting for `startFix` (the folder dialog, in Electron). */
  | { stage: 'starting'; plan: FixPlanView }
  | { stage: 'running'; plan: FixPlanView; fixId: string; outputDir: string; activity: Activity; fraction: number | null; etaS: number | null }
  | { stage: 'done'; plan: FixPlanView; fixId: string; outputDir: string; result: FixResultView | null; cancelled: boolean }
  | { stage: 'failed'; plan: FixPlanView | null; message: Said | string };

type Activity = { kind: 'checking'; phase: 'before' | 'after' } | { kind: 'step'; says: Said; index: number; steps: number } | { kind: 'starting' };

interface Session {
  runId: string;
  index: number;
  view: View;
}

export function isFixMessage(message: ProgressMessage): message is FixMessage {
  return message.type.startsWith('fix-');
}

export interface Fixer {
  /** Whether the panel belongs to this file of this run. */
  isFor(runId: string | null, index: number): boolean;
  /** Plans a fix of the file and shows it. */
  open(runId: string, index: number): Promise<void>;
  /** A fix is running (one at a time). */
  running(): boolean;
  /** Stops a running fix and closes the panel. */
  close(): void;
  onMessage(message: FixMessage): void;
  /** The panel, in the window's language. */
  panel(): HTMLElement;
}

export function createFixer(lang: () => Lang, rerender: () => void): Fixer {
  let session: Session | null = null;
  /** Messages of a fix that arrive before `startFix` has told us its id. */
  let early: FixMessage[] = [];
  const t = () => STRINGS[lang()].fix;
  const say = (text: Said | string) => (typeof text === 'string' ? text : text[lang()]);

  const set = (current: Session, view: View) => {
    if (session !== current) return; // closed or replaced meanwhile
    current.view = view;
    rerender();
  };

  async function run(): Promise<void> {
    const current = session;
    if (current?.view.stage !== 'plan') return;
    const { plan } = current.view;
    set(current, { stage: 'starting', plan });
    early = [];
    try {
      const started = await window.checker.startFix(current.runId, current.index);
      if (!started) return set(current, { stage: 'plan', plan }); // the user cancelled the folder dialog
      if (session !== current) return void window.checker.cancel(started.fixId); // closed meanwhile
      set(current, { stage: 'running', plan, fixId: started.fixId, outputDir: started.outputDir, activity: { kind: 'starting' }, fraction: null, etaS: null });
      const held = early.filter((m) => m.runId === started.fixId);
      early = [];
      held.forEach(onMessage);
    } catch (error) {
      set(current, { stage: 'failed', plan, message: (error as Error).message });
    }
  }

  function onMessage(message: FixMessage): void {
    const current = session;
    if (!current) return;
    if (current.view.stage === 'starting') {
      early.push(message);
      return;
    }
    const view = current.view;
    if (view.stage !== 'running' || message.runId !== view.fixId) return;
    switch (message.type) {
      case 'fix-checking':
        view.activity = { kind: 'checking', phase: message.phase };
        view.fraction = null;
        view.etaS = null;
        return rerender();
      case 'fix-step':
        view.activity = { kind: 'step', says: message.says, index: message.index, steps: message.steps };
        view.fraction = 0;
        view.etaS = null;
        return rerender();
      case 'fix-progress':
        view.fraction = message.fraction;
        view.etaS = message.etaS;
        // In place: the panel is not rebuilt twice a second.
        return showProgress(view) ? undefined : rerender();
      case 'fix-finished':
        return set(current, { stage: 'done', plan: view.plan, fixId: view.fixId, outputDir: view.outputDir, result: message.result, cancelled: message.cancelled });
      case 'fix-failed':
        return set(current, { stage: 'failed', plan: view.plan, message: message.message });
    }
  }

  function activityText(view: Extract<View, { stage: 'running' }>): string {
    const s = t();
    const a = view.activity;
    const what = a.kind === 'starting' ? s.starting : a.kind === 'checking' ? (a.phase === 'before' ? s.checkingBefore : s.checkingAfter) : s.step(a.index + 1, a.steps, say(a.says));
    const share = view.fraction === null ? '' : ` · ${Math.floor(view.fraction * 100)}%`;
    const eta = view.etaS === null ? '' : ` · ${s.eta(clock(view.etaS))}`;
    return `${what}${share}${eta}`;
  }

  /** Updates the progress bar and line where they are shown; false when they are not. */
  function showProgress(view: Extract<View, { stage: 'running' }>): boolean {
    const bar = document.getElementById('fix-bar') as HTMLProgressElement | null;
    const line = document.getElementById('fix-activity');
    if (!bar || !line) return false;
    if (view.fraction === null) bar.removeAttribute('value');
    else bar.value = view.fraction;
    line.textContent = activityText(view);
    return true;
  }

  function button(id: string | null, text: string, onClick: () => void, disabled = false): HTMLButtonElement {
    const node = element('button', { text, attrs: id ? { id, type: 'button' } : { type: 'button' } });
    node.disabled = disabled;
    node.addEventListener('click', onClick);
    return node;
  }

  function ruleRow(rule: FixRuleView, after: FixRuleView | undefined): HTMLTableRowElement {
    const s = STRINGS[lang()];
    const done = after && after.after.length > 0;
    const level: FindingStatus | 'fix' = done ? (after.passes === false ? 'fail' : after.passes ? 'pass' : rule.before.status) : rule.status === 'fix' ? 'fix' : rule.before.status;
    const label = done && after.passes !== null ? (after.passes ? s.fix.fixed : s.fix.stillFails) : s.fix.status[rule.status];
    const body = element('td', {}, element('span', { className: 'rule', text: rule.rule }), element('div', { className: 'message', text: say(rule.says) }));
    for (const warning of rule.warnings) body.append(element('div', { className: 'fix-warning', text: `! ${say(warning)}` }));
    const states = (status: FindingStatus, measured: string) => `${s[status]}${measured ? ` ${measured}` : ''}`;
    const beforeAfter = `${s.fix.before}: ${states(rule.before.status, rule.before.measured)}`;
    const afterText = done ? ` → ${s.fix.after}: ${after.after.map((a) => states(a.status, a.measured)).join(' | ')}` : '';
    body.append(element('div', { className: 'before-after', text: beforeAfter + afterText }));
    return element(
      'tr',
      { className: level, attrs: { 'data-rule': rule.rule, 'data-fix': rule.status, 'data-after': done ? after.after.map((a) => a.status).join(',') : '' } },
      element('td', { className: 'st' }, element('span', { className: `badge ${level}`, text: label })),
      body,
    );
  }

  function panel(): HTMLElement {
    const s = t();
    const view = session!.view;
    const parts: Node[] = [element('h3', { text: s.title })];
    if (view.stage === 'planning') return element('section', { className: 'fix-panel', attrs: { id: 'fix-panel', 'data-stage': view.stage } }, ...parts, element('p', { text: s.planning }));
    const plan = view.plan;
    const result = view.stage === 'done' ? view.result : null;
    if (plan) {
      if (plan.reason) parts.push(element('p', { className: 'error-line', text: say(plan.reason) }));
      else if (plan.outcome !== 'fix') parts.push(element('p', { text: s.nothing }));
      if (plan.rules.length) {
        // What will be fixed first, then what needs an option, then what cannot be fixed.
        const rank = (rule: FixRuleView) => ['fix', 'needs-option', 'cannot-fix', 'not-asked'].indexOf(rule.status);
        const rows = [...plan.rules].sort((a, b) => rank(a) - rank(b)).map((rule) => ruleRow(rule, result?.rules.find((r) => r.rule === rule.rule)));
        parts.push(element('table', { className: 'findings fix-rules' }, element('tbody', {}, ...rows)));
      }
      for (const warning of plan.warnings) parts.push(element('p', { className: 'fix-warning', text: `! ${say(warning)}` }));
      if (plan.steps.length && view.stage !== 'done') {
        parts.push(element('h4', { text: s.steps }), element('ol', { className: 'fix-steps' }, ...plan.steps.map((step) => element('li', { text: say(step.says) }))));
      }
    }
    const buttons: HTMLElement[] = [];
    if (view.stage === 'plan' || view.stage === 'starting') {
      const label = window.checker.fixedFileAction === 'show' ? s.chooseAndStart : s.start;
      if (view.plan.outcome === 'fix') buttons.push(button('fix-run', label, () => void run(), view.stage === 'starting'));
    }
    if (view.stage === 'running') {
      parts.push(element('p', { className: 'fix-dir', text: s.writingTo(view.outputDir) }));
      const bar = element('progress', { attrs: { id: 'fix-bar', max: '1' } });
      parts.push(bar, element('p', { attrs: { id: 'fix-activity', role: 'status' }, text: activityText(view) }));
      if (view.fraction !== null) bar.value = view.fraction;
      buttons.push(button('fix-cancel', s.cancel, () => void window.checker.cancel(view.fixId)));
    }
    if (view.stage === 'done') {
      if (view.cancelled) parts.push(element('p', { className: 'fix-outcome', text: s.cancelled }));
      else if (result) {
        parts.push(element('p', { className: `fix-outcome ${result.outcome}`, attrs: { 'data-outcome': result.outcome }, text: say(result.says) }));
        const files = [...result.outputs, ...result.subtitles];
        if (files.length) {
          parts.push(element('h4', { text: s.outputs }));
          const action = window.checker.fixedFileAction === 'show' ? s.show : s.download;
          parts.push(element('ul', { className: 'fix-outputs' }, ...files.map((path) => element('li', { attrs: { 'data-output': path } }, element('span', { text: path }), button(null, action, () => void window.checker.openFixed(view.fixId, path))))));
        }
      }
    }
    if (view.stage === 'failed') parts.push(element('p', { className: 'error-line', text: s.failed(say(view.message)) }));
    if (view.stage !== 'running') buttons.push(button('fix-close', s.close, () => close()));
    parts.push(element('div', { className: 'fix-buttons' }, ...buttons));
    const attrs: Record<string, string> = { id: 'fix-panel', 'data-stage': view.stage };
    if ('fixId' in view) attrs['data-fix-id'] = view.fixId;
    return element('section', { className: 'fix-panel', attrs }, ...parts);
  }

  function close(): void {
    const view = session?.view;
    if (view?.stage === 'running') void window.checker.cancel(view.fixId);
    session = null;
    early = [];
    rerender();
  }

  return {
    running: () => session?.view.stage === 'running' || session?.view.stage === 'starting',
    isFor: (runId, index) => session !== null && session.runId === runId && session.index === index,
    async open(runId, index) {
      if (session?.view.stage === 'running' || session?.view.stage === 'starting') return; // one fix at a time
      const current: Session = { runId, index, view: { stage: 'planning' } };
      session = current;
      rerender();
      try {
        set(current, { stage: 'plan', plan: await window.checker.planFix(runId, index) });
      } catch (error) {
        set(current, { stage: 'failed', plan: null, message: (error as Error).message });
      }
    },
    close,
    onMessage,
    panel,
  };
}

/** Seconds as `m:ss` (a minute or more) or `N s`. */
function clock(seconds: number): string {
  const whole = Math.ceil(seconds);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
