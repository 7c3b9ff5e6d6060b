/**
 * The window: drop or pick lessons, watch each file's status live, read a file's findings with
 * evidence frames, choose the profile and course language, cancel, export. No Node here: it talks
 * to the checker only through `window.checker` (the preload's bridge, or the browser harness).
 */
import { describeFacts, findingLevel, findingRank, formatClock, type Area, type FileResult, type Finding, type RuleMeta } from '@courseware-check/checker-core/facts';
import { fileErrorMessage, findingExpected, findingMessage } from '@courseware-check/checker-core/messages';
import type { CheckRequest, ProgressMessage, ProfileChoice } from '../shared/api.js';
import { element } from './dom.js';
import { createFixer, isFixMessage } from './fix-panel.js';
import { STRINGS, type Lang } from './i18n.js';
import { projectSection } from './project-panel.js';
import type { ProjectResult } from '@courseware-check/checker-core/facts';

type RowState = { path: string; state: 'queued' | 'checking' | 'done'; result: FileResult | null };

const state = {
  lang: 'zh' as Lang,
  runId: null as string | null,
  running: false,
  paths: [] as string[],
  rows: [] as RowState[],
  rules: {} as Record<string, RuleMeta>,
  selected: -1,
  profile: { kind: 'builtin', name: 'web' } as ProfileChoice,
  language: 'zh' as 'zh' | 'en',
  /** Check each folder as a training project (`--project`), and the projects of the last run. */
  asProjects: false,
  projects: [] as ProjectResult[],
  /** A note beside the summary, kept as data so that it follows the interface language. */
  note: null as null | { kind: 'saved'; path: string } | { kind: 'failed'; message: string } | { kind: 'cancelled' },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const t = () => STRINGS[state.lang];

/** The fix panel of the selected file (its plan, run and re-check). */
const fixer = createFixer(
  () => state.lang,
  () => renderDetails(),
);

/** A rule's area, as the run's rules say (the same meta the reports read). */
function areaOf(rule: string): Area {
  return state.rules[rule]?.area ?? 'file';
}

function renderStatic(): void {
  const s = t();
  document.documentElement.lang = state.lang;
  $('title').textContent = s.title;
  $('tagline').textContent = s.subtitle;
  $('ui-language').textContent = s.language;
  $('profile-label').textContent = s.profile;
  $('profile-web').textContent = s.profileWeb;
  $('profile-archive').textContent = s.profileArchive;
  $('profile-file').textContent = state.profile.kind === 'file' ? `${s.profileFile.replace('…', '')}: ${state.profile.path}` : s.profileFile;
  $('course-label').textContent = s.courseLanguage;
  $('course-zh').textContent = s.courseZh;
  $('course-en').textContent = s.courseEn;
  $('as-projects-label').textContent = s.asProjects;
  $('as-projects-toggle').title = s.asProjectsHint;
  $('pick-files').textContent = s.pickFiles;
  $('pick-folder').textContent = s.pickFolder;
  $('cancel').textContent = s.cancel;
  $('export-html').textContent = s.exportHtml;
  $('export-json').textContent = s.exportJson;
  $('drop-text').textContent = s.drop;
  $('drop-hint').textContent = s.dropHint;
}

function renderList(): void {
  const list = $('file-list');
  list.replaceChildren(
    ...state.rows.map((row, index) => {
      const status = row.state === 'done' ? row.result!.status : row.state;
      // Problems count rules: a rule with ten detail rows is one problem.
      const problems = row.result ? new Set(row.result.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.rule)).size : 0;
      const item = element(
        'li',
        { className: index === state.selected ? 'selected' : '', attrs: { 'data-path': row.path, 'data-status': status } },
        element('span', { className: `badge ${status}`, text: t()[status as 'pass'] }),
        element('span', { className: 'name', text: row.path.split(/[\\/]/).pop() ?? row.path }),
        element('span', { className: 'count', text: row.result && !row.result.error && problems ? t().problems(problems) : '' }),
      );
      item.title = row.path;
      item.addEventListener('click', () => select(index));
      return item;
    }),
  );
  const done = state.rows.filter((r) => r.state === 'done');
  const counts = { pass: 0, warn: 0, fail: 0, error: 0 };
  for (const row of done) counts[row.result!.status]++;
  const summary = state.rows.length ? t().summary(done.length, counts.pass, counts.warn, counts.fail, counts.error) : '';
  const note = !state.note ? '' : state.note.kind === 'saved' ? t().saved(state.note.path) : state.note.kind === 'failed' ? t().failed(state.note.message) : t().cancelled;
  const parts = [state.running ? t().progress(done.length, state.rows.length) : '', summary, note].filter(Boolean);
  $('status-line').textContent = parts.join(' · ');
  renderProjects();
  ($('cancel') as HTMLButtonElement).disabled = !state.running;
  ($('export-html') as HTMLButtonElement).disabled = state.running || !state.runId;
  ($('export-json') as HTMLButtonElement).disabled = state.running || !state.runId;
}

/** The projects of the last run (checked "as projects"), above the files. */
function renderProjects(): void {
  const box = $('projects');
  box.hidden = state.projects.length === 0;
  box.replaceChildren(...projectSection(state.projects, state.lang));
}

function renderDetails(): void {
  const details = $('details');
  const row = state.rows[state.selected];
  if (!row?.result) {
    details.replaceChildren(element('p', { text: row ? t().checking : t().noSelection }));
    return;
  }
  const { result } = row;
  const parts: Node[] = [element('h2', { text: result.path })];
  if (result.error) {
    parts.push(element('p', { className: 'error-line', text: fileErrorMessage(result.error, state.lang) }));
    details.replaceChildren(...parts);
    return;
  }
  if (result.facts) parts.push(element('p', { className: 'facts', text: `${t().facts}: ${describeFacts(result.facts, state.lang)}` }));
  if (fixer.isFor(state.runId, state.selected)) parts.push(fixer.panel());
  else if (state.runId && !state.running && !fixer.running() && (result.status === 'fail' || result.status === 'warn')) {
    const open = element('button', { className: 'fix-open', text: t().fix.open, attrs: { id: 'fix-open', type: 'button' } });
    const { runId } = state;
    const index = state.selected;
    open.addEventListener('click', () => void fixer.open(runId, index));
    parts.push(open);
  }
  // A rule's findings stay together, under the level of its verdict (its first finding).
  const byRule = new Map<string, Finding[]>();
  for (const finding of result.findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  const levelOf = (findings: Finding[]) => findingLevel(findings[0]!);
  /** The rules whose verdict is one of `levels`, grouped by area, each area a heading and a table. */
  const grouped = (levels: string[]): Node[] => {
    const areas = new Map<string, Finding[]>();
    for (const [rule, findings] of byRule) if (levels.includes(levelOf(findings))) areas.set(areaOf(rule), [...(areas.get(areaOf(rule)) ?? []), ...findings]);
    return AREAS.filter((area) => areas.has(area)).flatMap((area) => [
      element('h3', { text: t().areas[area] ?? area }),
      element('table', { className: 'findings' }, element('tbody', {}, ...[...areas.get(area)!].sort((a, b) => findingRank(a) - findingRank(b)).map(findingRow))),
    ]);
  };
  // Failures first, then warnings, each by area; what passed or was skipped below, collapsed.
  parts.push(...grouped(['fail']), ...grouped(['warn']));
  const passCount = [...byRule.values()].filter((f) => levelOf(f) === 'pass').length;
  const skipCount = [...byRule.values()].filter((f) => levelOf(f) === 'skip').length;
  if (passCount + skipCount > 0) {
    const label = [passCount ? t().passedRules(passCount) : '', skipCount ? t().skippedRules(skipCount) : ''].filter(Boolean).join(' · ');
    parts.push(element('details', { className: 'passes' }, element('summary', { text: label }), ...grouped(['pass', 'skip'])));
  }
  details.replaceChildren(...parts);
}

const AREAS: Area[] = ['file', 'video', 'audio', 'sync', 'intro-outro', 'subtitle'];

function findingRow(finding: Finding): HTMLTableRowElement {
  const level = findingLevel(finding);
  const body = element('td', {}, element('span', { className: 'rule', text: finding.rule }));
  if (finding.at?.length) body.append(element('span', { className: 'times', text: finding.at.slice(0, 4).map((r) => formatClock(r.start)).join(', ') + (finding.at.length > 4 ? ' …' : '') }));
  // The message in the window's language, from its id and parameters (the same catalogue as the reports).
  body.append(element('div', { className: 'message', text: findingMessage(finding, state.lang) }));
  if (finding.line !== undefined) body.append(element('div', { className: 'line', text: `“${finding.line}”` }));
  if (finding.status !== 'skip') {
    // What was measured is in the message, in words; the raw measurement is in the exported JSON.
    body.append(element('div', { className: 'measured', text: `${t().expected} ${findingExpected(finding, state.lang)}` }));
  }
  if (finding.evidenceDataUri?.startsWith('data:image/jpeg;base64,')) body.append(element('img', { className: 'evidence', attrs: { src: finding.evidenceDataUri, alt: finding.rule } }));
  return element('tr', { className: level, attrs: { 'data-rule': finding.rule } }, element('td', { className: 'st' }, element('span', { className: `badge ${level}`, text: t()[level] })), body);
}

function select(index: number): void {
  state.selected = index;
  renderList();
  renderDetails();
}

/** Messages of a run that arrive before `startCheck` has told us its id. */
let early: ProgressMessage[] = [];

function onProgress(message: ProgressMessage): void {
  if (isFixMessage(message)) return fixer.onMessage(message);
  if (state.runId === null && state.running) {
    early.push(message);
    return;
  }
  if (message.runId !== state.runId) return;
  switch (message.type) {
    case 'discovered':
      state.rows = message.paths.map((path) => ({ path, state: 'queued', result: null }));
      state.rules = message.rules;
      if (state.rows.length) state.selected = 0;
      break;
    case 'start':
      if (state.rows[message.index]) state.rows[message.index]!.state = 'checking';
      break;
    case 'done':
      state.rows[message.index] = { path: message.result.path, state: 'done', result: message.result };
      break;
    case 'finished':
      state.running = false;
      state.projects = message.projects ?? [];
      state.note = message.cancelled ? { kind: 'cancelled' } : null;
      break;
    case 'failed':
      state.running = false;
      state.note = { kind: 'failed', message: message.message };
      break;
  }
  renderList();
  if (message.type !== 'start') renderDetails();
}

async function check(paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  fixer.close(); // a running fix stops: its file is being judged again
  const previous = state.running ? state.runId : null;
  state.paths = paths;
  state.rows = [];
  state.projects = [];
  state.selected = -1;
  state.note = null;
  // The last run's verdicts go at once: nothing stale is shown while the new run starts.
  state.runId = null;
  renderList();
  renderDetails();
  if (previous) await window.checker.cancel(previous);
  const request: CheckRequest = { paths, profile: state.profile, language: state.language, locale: state.lang, project: state.asProjects };
  try {
    state.running = true;
    early = [];
    const { runId } = await window.checker.startCheck(request);
    state.runId = runId;
    const held = early.filter((message) => message.runId === runId);
    early = [];
    held.forEach(onProgress);
  } catch (error) {
    state.running = false;
    state.note = { kind: 'failed', message: (error as Error).message };
  }
  renderList();
  renderDetails();
}

function wire(): void {
  window.checker.onProgress(onProgress);
  const drop = $('drop-zone');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const files = [...(event.dataTransfer?.files ?? [])];
    await check(await window.checker.pathsOfDropped(files));
  });
  // Dropping anywhere else must not navigate the window to the file.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  $('pick-files').addEventListener('click', async () => check(await window.checker.pickPaths('files')));
  $('pick-folder').addEventListener('click', async () => check(await window.checker.pickPaths('folder')));
  $('cancel').addEventListener('click', async () => state.runId && window.checker.cancel(state.runId));
  for (const format of ['html', 'json'] as const) {
    $(`export-${format}`).addEventListener('click', async () => {
      if (!state.runId) return;
      const { savedTo } = await window.checker.exportReport(state.runId, format);
      if (savedTo) {
        state.note = { kind: 'saved', path: savedTo };
        renderList();
      }
    });
  }
  const profileSelect = $<HTMLSelectElement>('profile-select');
  profileSelect.addEventListener('change', async () => {
    if (profileSelect.value === 'file') {
      const path = await window.checker.pickProfile();
      if (!path) {
        profileSelect.value = state.profile.kind === 'builtin' ? state.profile.name : 'file';
        return;
      }
      state.profile = { kind: 'file', path };
    } else {
      state.profile = { kind: 'builtin', name: profileSelect.value as 'web' | 'archive' };
    }
    renderStatic();
    await check(state.paths); // the same lessons, judged again
  });
  const asProjects = $<HTMLInputElement>('as-projects');
  asProjects.addEventListener('change', async () => {
    state.asProjects = asProjects.checked;
    await check(state.paths); // the same folders, as projects or not
  });
  const courseSelect = $<HTMLSelectElement>('course-language');
  courseSelect.addEventListener('change', async () => {
    state.language = courseSelect.value as 'zh' | 'en';
    await check(state.paths);
  });
  $('ui-language').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    renderStatic();
    renderList();
    renderDetails();
  });
}

renderStatic();
renderList();
renderDetails();
wire();
