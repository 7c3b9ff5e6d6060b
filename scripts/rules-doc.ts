/** Renders docs/rules.md from the rules' own metadata: `pnpm docs:rules`. A test keeps it current. */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadProfile, rules, type OptionSpec } from '@courseware-check/checker-core';
import { catalogues, type MessageId } from '@courseware-check/checker-core/messages';

/** The messages of a group of ids, English and Chinese (ICU MessageFormat, as the catalogues hold them). */
function messageTable(ids: MessageId[]): string[] {
  if (ids.length === 0) return [];
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return ['| messageId | en | zh |', '| --- | --- | --- |', ...ids.map((id) => `| \`${id}\` | ${cell(catalogues.en[id])} | ${cell(catalogues.zh[id])} |`), ''];
}

export async function renderRulesDoc(): Promise<string> {
  const archive = await loadProfile('archive');
  const lines = [
    '# Rules',
    '',
    '<!-- Generated from packages/checker-core/src/rules by `pnpm docs:rules`; do not edit by hand. -->',
    '',
    'Every rule of the active profile is reported for every video file, passes included.',
    'Severity is the default; a profile may change it, change options, or turn the rule off.',
    'A rule of severity warning that is not met has status `warn`, never `fail`.',
    '',
    'Each finding carries `messageId` and `params`; its `message` and `expected` are rendered from them in the',
    "run's locale (`--locale zh|en`) with the catalogues in packages/checker-core/src/messages (ICU MessageFormat).",
    'Each rule lists its messages below; the messages several rules share are at the end.',
    '',
    '| id | notice | severity | needs |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id.replace(/\./g, '')}) | ${r.notice} | ${r.severity} | ${r.needs.join(', ')} |`),
    '',
  ];
  for (const rule of rules) {
    lines.push(`## ${rule.id}`, '', `> ${rule.notice}`, '', rule.description, '', `Default severity: **${rule.severity}**. Needs: ${rule.needs.join(', ')}.`, '');
    const options = Object.entries(rule.options as Record<string, OptionSpec>);
    if (options.length > 0) {
      lines.push('| option | default | meaning |', '| --- | --- | --- |');
      for (const [name, spec] of options) {
        const archiveValue = archive.settings.find((s) => s.rule.id === rule.id)?.options[name];
        const note = archiveValue !== undefined && archiveValue !== spec.default ? ` (archive: ${archiveValue})` : '';
        lines.push(`| \`${name}\` | ${JSON.stringify(spec.default)}${note} | ${spec.description} |`);
      }
      lines.push('');
    }
    lines.push(...messageTable((Object.keys(catalogues.en) as MessageId[]).filter((id) => id.startsWith(`${rule.id}/`))));
  }
  const own = new Set(rules.map((r) => r.id));
  lines.push('## Shared messages', '', 'Skips, subtitle track names, intro and outro evidence, and files that cannot be checked (`error.messageId`).', '');
  lines.push(...messageTable((Object.keys(catalogues.en) as MessageId[]).filter((id) => !own.has(id.split('/')[0]!))));
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(new URL('../docs/rules.md', import.meta.url), await renderRulesDoc());
}
