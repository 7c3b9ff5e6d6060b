/**
 * The training projects of a run checked "as projects" (`--project`): each folder given, with its
 * lessons' count and total duration, its project rules that warn or fail, and the rest in brief.
 */
import { findingLevel, findingRank, formatClock, type ProjectResult } from '@courseware-check/checker-core/facts';
import { findingExpected, findingMessage } from '@courseware-check/checker-core/messages';
import { element } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';

export function projectSection(projects: readonly ProjectResult[], lang: Lang): Node[] {
  if (projects.length === 0) return [];
  const s = STRINGS[lang];
  return [element('h2', { text: s.projects.title }), ...projects.map((project) => projectCard(project, lang))];
}

function projectCard(project: ProjectResult, lang: Lang): HTMLElement {
  const s = STRINGS[lang];
  const findings = [...project.findings].sort((a, b) => findingRank(a) - findingRank(b));
  // A rule's verdict is its first finding; detail rows stay with it.
  const verdicts = [...new Map(findings.map((f) => [f.rule, f] as const)).values()];
  const problems = findings.filter((f) => f.status === 'fail' || f.status === 'warn');
  const passed = verdicts.filter((f) => f.status === 'pass').map((f) => f.rule);
  const rows = problems.map((finding) => {
    const level = findingLevel(finding);
    const body = element(
      'td',
      {},
      element('span', { className: 'rule', text: finding.rule }),
      element('div', { className: 'message', text: findingMessage(finding, lang) }),
      element('div', { className: 'measured', text: `${s.expected} ${findingExpected(finding, lang)}` }),
    );
    return element('tr', { className: level, attrs: { 'data-rule': finding.rule } }, element('td', { className: 'st' }, element('span', { className: `badge ${level}`, text: s[level] })), body);
  });
  return element(
    'div',
    { className: 'project', attrs: { 'data-path': project.path, 'data-status': project.status } },
    element(
      'p',
      { className: 'project-head' },
      element('span', { className: `badge ${project.status}`, text: s[project.status] }),
      element('span', { className: 'name', text: project.path }),
      element('span', { className: 'count', text: s.projects.lessons(project.lessons.length, formatClock(project.totalDurationS)) }),
    ),
    ...(rows.length ? [element('table', { className: 'findings' }, element('tbody', {}, ...rows))] : []),
    ...(passed.length ? [element('p', { className: 'project-passed', text: `${s.passedRules(passed.length)}: ${passed.join(', ')}` })] : []),
  );
}
