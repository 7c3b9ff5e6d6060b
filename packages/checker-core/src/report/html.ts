import type { ReportedFacts } from '../facts/reported-facts.js';
import { findingLevel, findingRank, type Area, type FileResult, type Finding, type Locale, type ProjectResult, type RuleMeta } from '../facts/finding.js';
import { formatClock } from '../facts/units.js';
import { describeFacts } from '../facts/describe-facts.js';
import { fileErrorMessage, findingExpected, findingMessage } from '../messages/localize.js';
import type { Report } from './report.js';

export interface HtmlOptions {
  /** Language of the report, its findings included; default: the report's locale (`report.options.locale`). */
  lang?: Locale;
}

const TEXT = {
  zh: {
    title: '课件技术检查报告', files: '文件', pass: '通过', warn: '警告', fail: '不通过', error: '无法检查', skip: '跳过',
    mostFailed: '最常不通过的规则', filterStatus: '按状态', filterRule: '按规则', all: '全部', expected: '要求',
    problems: (n: number) => `${n} 个问题`, passedRules: (n: number) => `${n} 项通过`, skippedRules: (n: number) => `${n} 项跳过`, noProblems: '没有问题',
    area: { file: '文件', video: '画面', audio: '声音', sync: '音画同步', subtitle: '字幕', 'intro-outro': '片头片尾', project: '项目' } as Record<Area, string>,
    projects: '培训项目', project: (lessons: number, total: string) => `${lessons} 个课程，共 ${total}`,
    facts: '技术参数', profile: '规范', tool: '工具', none: '无', duration: '时长', size: '大小', evidence: '画面证据', created: '生成时间',
  },
  en: {
    title: 'Courseware check report', files: 'files', pass: 'pass', warn: 'warning', fail: 'fail', error: 'could not be checked', skip: 'skipped',
    mostFailed: 'Rules that fail most', filterStatus: 'Status', filterRule: 'Rule', all: 'all', expected: 'expected',
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'}`, passedRules: (n: number) => `${n} passed`, skippedRules: (n: number) => `${n} skipped`, noProblems: 'no problems',
    area: { file: 'File', video: 'Picture', audio: 'Sound', sync: 'Sync', subtitle: 'Subtitles', 'intro-outro': 'Intro and outro', project: 'Project' } as Record<Area, string>,
    projects: 'Training projects', project: (lessons: number, total: string) => `${lessons} lesson${lessons === 1 ? '' : 's'}, ${total} in all`,
    facts: 'Facts', profile: 'profile', tool: 'tool', none: 'none', duration: 'duration', size: 'size', evidence: 'evidence', created: 'made',
  },
};

type Words = (typeof TEXT)['zh'];

const AREA_ORDER: Area[] = ['file', 'video', 'audio', 'sync', 'intro-outro', 'subtitle', 'project'];

/**
 * One self-contained HTML file: inline style and script, evidence frames as data URIs, no network
 * (its CSP forbids any). Cards are collapsed `<details>`, and filters only toggle `hidden`, so a
 * report of 1,000 files opens and filters without freezing the browser.
 */
export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const lang = options.lang ?? report.options.locale ?? 'en';
  const t = TEXT[lang];
  const { summary } = report;
  // Per rule: in how many files it fails (error severity), and in how many it only warns.
  const counts = new Map<string, { fail: number; warn: number }>();
  for (const file of report.files) {
    const levels = new Map<string, 'fail' | 'warn'>();
    for (const f of file.findings) {
      const level = findingLevel(f);
      if ((level === 'fail' || level === 'warn') && levels.get(f.rule) !== 'fail') levels.set(f.rule, level);
    }
    for (const [id, level] of levels) {
      const count = counts.get(id) ?? { fail: 0, warn: 0 };
      count[level]++;
      counts.set(id, count);
    }
  }
  const top = [...counts].sort((a, b) => b[1].fail - a[1].fail || b[1].warn - a[1].warn).slice(0, 10);
  // Reviewers read failures first.
  const order = { error: 0, fail: 1, warn: 2, pass: 3 };
  const files = [...report.files].sort((a, b) => order[a.status] - order[b.status]);
  const allRules = [...new Set(report.files.flatMap((f) => f.findings.map((x) => x.rule)))];
  const openCards = report.files.length <= 20;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${esc(t.title)}</h1>
  <p class="meta">${esc(t.profile)} <b>${esc(report.profile)}</b>${report.options.quick ? ' (--quick)' : ''} · ${esc(t.created)} ${esc(report.createdAt.replace('T', ' ').slice(0, 19))} UTC · ${esc(report.tool.name)} ${esc(report.tool.version)} · ${esc(report.tool.ffmpeg.split(' ').slice(0, 3).join(' '))} · ${esc(report.tool.ffprobe.split(' ').slice(0, 3).join(' '))}</p>
</header>
<section class="summary" id="summary">
  <div class="tiles">
    <div class="tile"><b>${summary.files}</b><span>${esc(t.files)}</span></div>
    ${(['pass', 'warn', 'fail', 'error'] as const).map((s) => `<div class="tile ${s}"><b>${summary[s]}</b><span>${esc(t[s])}</span></div>`).join('\n    ')}
  </div>
  ${top.length ? `<div class="top"><h2>${esc(t.mostFailed)}</h2><table><tr><th></th><th></th><th class="num">${esc(t.fail)}</th><th class="num">${esc(t.warn)}</th></tr>${top.map(([id, n]) => `<tr><td><code>${esc(id)}</code></td><td>${esc(report.rules[id]?.notice ?? '')}</td><td class="num fail">${n.fail}</td><td class="num warn">${n.warn}</td></tr>`).join('')}</table></div>` : ''}
</section>
${report.projects?.length ? `<section class="projects" id="projects">\n  <h2>${esc(t.projects)}</h2>\n${report.projects.map((project) => projectCard(project, report.rules, t, lang)).join('\n')}\n</section>` : ''}
<nav class="filters">
  <label>${esc(t.filterStatus)} <select id="status-filter"><option value="">${esc(t.all)}</option>${(['fail', 'error', 'warn', 'pass'] as const).map((s) => `<option value="${s}">${esc(t[s])}</option>`).join('')}</select></label>
  <label>${esc(t.filterRule)} <select id="rule-filter"><option value="">${esc(t.all)}</option>${allRules.map((id) => `<option value="${esc(id)}">${esc(id)}</option>`).join('')}</select></label>
  <span id="shown"></span>
</nav>
<main id="files">
${files.map((file) => card(file, report.rules, t, lang, openCards && file.status !== 'pass')).join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Distinct rules of a file that fail or warn: a rule with ten detail rows is one problem. */
function problemRules(file: FileResult): Set<string> {
  return new Set(file.findings.filter((f) => f.status === 'fail' || f.status === 'warn').map((f) => f.rule));
}

/**
 * A file's card: its failures first, then its warnings, each grouped by area (a rule's detail rows
 * under its verdict); the rules that pass or were skipped below, collapsed.
 */
function card(file: FileResult, rules: Record<string, RuleMeta>, t: Words, lang: Locale, open: boolean): string {
  const failing = problemRules(file);
  const count = file.error ? '' : `<span class="count">${esc(failing.size ? t.problems(failing.size) : t.noProblems)}</span>`;
  const head = `<summary><span class="badge ${file.status}">${esc(t[file.status])}</span> <span class="path">${esc(file.path)}</span>${count}${file.facts ? `<span class="brief">${esc(brief(file.facts))}</span>` : ''}</summary>`;
  if (file.error) {
    return `<details class="file" data-status="error" data-failing=""${open ? ' open' : ''}>${head}<p class="error-line">${esc(fileErrorMessage(file.error, lang))}</p></details>`;
  }
  return `<details class="file" data-status="${file.status}" data-failing="${esc([...failing].join(' '))}"${open ? ' open' : ''}>${head}
${file.facts ? `<p class="facts"><b>${esc(t.facts)}</b> ${esc(describe(file.facts, lang))}</p>` : ''}
${findingSections(file.findings, rules, t, lang)}
</details>`;
}

/** A project's card (`--project`): its lessons' count and total, then its findings as a file's. */
function projectCard(project: ProjectResult, rules: Record<string, RuleMeta>, t: Words, lang: Locale): string {
  const head = `<summary><span class="badge ${project.status}">${esc(t[project.status])}</span> <span class="path">${esc(project.path)}</span><span class="brief">${esc(t.project(project.lessons.length, formatClock(project.totalDurationS)))}</span></summary>`;
  return `<details class="project" data-status="${project.status}" open>${head}
${findingSections(project.findings, rules, t, lang)}
</details>`;
}

/**
 * Findings of a file or a project: failures first, then warnings, each grouped by area (a rule's
 * detail rows under its verdict); the rules that pass or were skipped below, collapsed.
 */
function findingSections(findings: readonly Finding[], rules: Record<string, RuleMeta>, t: Words, lang: Locale): string {
  // A rule's findings stay together, under the level of its verdict (its first finding).
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding]);
  const levelOf = (findings: Finding[]) => findingLevel(findings[0]!);
  const group = (wanted: (level: string) => boolean) => {
    const byArea = new Map<Area, string[]>();
    for (const [rule, findings] of byRule) {
      if (!wanted(levelOf(findings))) continue;
      const area = rules[rule]?.area ?? 'file';
      // The notice's words beside the rule's verdict, not repeated on each detail row.
      const rows = [...findings].sort((a, b) => findingRank(a) - findingRank(b)).map((f, i) => row(f, t, lang, i === 0 ? rules[rule] : undefined));
      byArea.set(area, [...(byArea.get(area) ?? []), ...rows]);
    }
    return AREA_ORDER.filter((area) => byArea.has(area)).map((area) => `<section class="area"><h3>${esc(t.area[area])}</h3><table class="findings">${byArea.get(area)!.join('')}</table></section>`);
  };
  const failures = group((level) => level === 'fail');
  const warnings = group((level) => level === 'warn');
  const passes = group((level) => level === 'pass' || level === 'skip');
  const passCount = [...byRule.values()].filter((f) => levelOf(f) === 'pass').length;
  const skipCount = [...byRule.values()].filter((f) => levelOf(f) === 'skip').length;
  const rest = [passCount ? t.passedRules(passCount) : '', skipCount ? t.skippedRules(skipCount) : ''].filter(Boolean).join(' · ');
  const collapsed = passes.length ? `<details class="passes"><summary>${esc(rest)}</summary>\n${passes.join('\n')}\n</details>` : '';
  return `${[...failures, ...warnings].join('\n')}
${collapsed}`;
}

function row(finding: Finding, t: Words, lang: Locale, meta: RuleMeta | undefined): string {
  const level = findingLevel(finding);
  const times = finding.at?.length ? `<span class="times">${finding.at.slice(0, 6).map((r) => (r.end - r.start > 0.05 ? `${formatClock(r.start)}–${formatClock(r.end)}` : formatClock(r.start))).join(', ')}${finding.at.length > 6 ? ' …' : ''}</span>` : '';
  const line = finding.line !== undefined ? `<div class="line">“${esc(finding.line)}”</div>` : '';
  // What was measured is in the message, in words; the raw measurement is in the JSON report.
  const expected = finding.status === 'skip' ? '' : `<div class="mx">${esc(t.expected)} ${esc(findingExpected(finding, lang))}</div>`;
  const notice = meta?.notice && !meta.notice.startsWith('(') ? ` <span class="notice">${esc(meta.notice)}</span>` : '';
  const image = finding.evidenceDataUri ? `<img class="evidence" alt="${esc(t.evidence)}" src="${finding.evidenceDataUri}">` : '';
  return `<tr class="${level}" data-rule="${esc(finding.rule)}"><td class="st"><span class="badge ${level}">${esc(t[level as 'pass'])}</span></td><td><code class="rule">${esc(finding.rule)}</code>${notice} ${times}<div class="msg">${esc(findingMessage(finding, lang))}</div>${line}${expected}</td><td class="ev">${image}</td></tr>`;
}


function brief(facts: ReportedFacts): string {
  const parts: string[] = [];
  if (facts.video) parts.push(`${facts.video.displayWidth}×${facts.video.displayHeight}`);
  if (facts.durationS !== null) parts.push(formatClock(facts.durationS));
  return parts.join(' · ');
}

/** The shared facts line, with the subtitle tracks. */
function describe(facts: ReportedFacts, lang: Locale): string {
  const subtitles = facts.subtitles.map((s) => `${s.format} ${s.encoding.encoding}`).join(', ');
  return subtitles ? `${describeFacts(facts, lang)} · ${subtitles}` : describeFacts(facts, lang);
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
:root{--pass:#1a7f37;--warn:#9a6700;--fail:#cf222e;--error:#8250df;--skip:#6e7781;--bg:#f6f8fa;--line:#d0d7de}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
header,section.summary,nav.filters,main{max-width:1200px;margin:0 auto;padding:0 20px}
h1{font-size:22px;margin:20px 0 4px}.meta{color:#59636e;margin:0 0 12px;font-size:12px}
.tiles{display:flex;gap:10px;flex-wrap:wrap}.tile{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:110px;background:var(--bg)}
.tile b{display:block;font-size:26px}.tile.pass b{color:var(--pass)}.tile.warn b{color:var(--warn)}.tile.fail b{color:var(--fail)}.tile.error b{color:var(--error)}
.top h2{font-size:15px;margin:14px 0 4px}.top table{border-collapse:collapse}.top td,.top th{padding:2px 12px 2px 0;font-size:13px}.num{text-align:right;font-weight:600}.num.fail{color:var(--fail)}.num.warn{color:var(--warn)}
nav.filters{display:flex;gap:16px;align-items:center;padding:12px 20px;position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);z-index:1}
select{font:inherit;padding:2px 6px}#shown{color:#59636e}
details.file,details.project{border:1px solid var(--line);border-radius:8px;margin:10px 0;background:#fff}
details.file>summary,details.project>summary{cursor:pointer;padding:10px 14px;list-style:none;display:flex;gap:10px;align-items:center}
details.file>summary::-webkit-details-marker,details.project>summary::-webkit-details-marker{display:none}
section.projects{max-width:1200px;margin:0 auto;padding:0 20px}section.projects h2{font-size:15px;margin:14px 0 4px}.path{font-weight:600;word-break:break-all}.brief{color:#59636e;margin-left:auto;white-space:nowrap}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.badge.pass{background:var(--pass)}.badge.warn{background:var(--warn)}.badge.fail{background:var(--fail)}.badge.error{background:var(--error)}.badge.skip{background:var(--skip)}
.facts{margin:0 14px 8px;color:#424a53}.error-line{margin:0 14px 12px;color:var(--error)}
.area{margin:0 14px 10px}.area h3{font-size:13px;margin:8px 0 4px;color:#59636e;text-transform:uppercase;letter-spacing:.04em}
table.findings{width:100%;border-collapse:collapse}table.findings td{border-top:1px solid #eaeef2;padding:6px 6px;vertical-align:top}
td.st{width:1%}td.ev{width:1%}.rule{font-size:12px;color:#424a53}.times{font-size:12px;color:#0969da}.msg{margin-top:2px}
tr.fail .msg{color:var(--fail)}tr.warn .msg{color:var(--warn)}tr.pass .msg,tr.skip .msg{color:#59636e}
.mx{font-size:12px;color:#59636e}.line{font-size:13px;margin-top:2px}.notice{font-size:12px;color:#59636e}
.count{color:#59636e;font-size:12px;white-space:nowrap}details.passes{margin:4px 14px 10px}details.passes>summary{cursor:pointer;color:var(--pass);font-size:13px}details.passes .area{margin:0 0 8px}
img.evidence{width:192px;border-radius:4px;border:1px solid var(--line);display:block}
`;

const SCRIPT = `
(function(){
  var cards=[].slice.call(document.querySelectorAll('details.file'));
  var status=document.getElementById('status-filter'),rule=document.getElementById('rule-filter'),shown=document.getElementById('shown');
  function apply(){
    var s=status.value,r=rule.value,n=0;
    for(var i=0;i<cards.length;i++){
      var c=cards[i],ok=(!s||c.getAttribute('data-status')===s)&&(!r||(' '+c.getAttribute('data-failing')+' ').indexOf(' '+r+' ')>=0);
      c.hidden=!ok;if(ok)n++;
      if(ok&&r){c.open=true;}
    }
    shown.textContent=n+' / '+cards.length;
  }
  status.addEventListener('change',apply);rule.addEventListener('change',apply);apply();
})();
`;
