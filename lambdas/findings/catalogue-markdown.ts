import { CATALOGUE_VERSION, RULES } from './catalogue';
import type { Rule } from './rule';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function severityCell(rule: Rule): string {
  return [rule.defaultSeverity, ...rule.severityCriteria.map((c) => `; ${c}`)].join('');
}

function referencesCell(rule: Rule): string {
  const refs = rule.compliance.map((c) => (c.framework.startsWith('AWS Foundational') ? `Security Hub ${c.control}` : `${c.framework} ${c.control}`));
  return [...refs, `[AWS docs](${rule.remediation.url})`].join('; ');
}

/** The catalogue as a Markdown table (the README's copy is compared with it in a test, so it cannot drift). */
export function catalogueMarkdown(rules: readonly Rule[] = RULES): string {
  const lines = [
    `Catalogue version \`${CATALOGUE_VERSION}\`.`,
    '',
    '| rule id | applies to | raised when | severity | must not fire | profiles | references |',
    '|---|---|---|---|---|---|---|',
    ...rules.map((r) =>
      [
        `\`${r.id}\``,
        r.assetTypes.join(', '),
        cell(r.raisedWhen),
        cell(severityCell(r)),
        cell(r.exclusions.join('; ') || '—'),
        ['all', ...r.profiles].join(', '),
        cell(referencesCell(r)),
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
  return lines.join('\n') + '\n';
}
