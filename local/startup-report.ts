import { join } from 'node:path';
import type { AccountHealthReport } from '../lambdas/health/health-model';
import type { DemoResult } from './demo';
import { plural } from '../cli/plural';
import { STATE_FILE_NAME } from './local-state-file';

export interface StartupReportInput {
  readonly url: string;
  /** Where the console is served (the API's origin), when it is. */
  readonly consoleUrl?: string;
  readonly dataDir: string;
  readonly tokens: Readonly<Record<'admin' | 'reader' | 'uploader', string>>;
  readonly mode: 'demo' | 'no-demo' | 'aws';
  readonly demo?: DemoResult;
  readonly externalId: string;
  readonly sandboxRoleArn?: string;
  readonly seconds: number;
}

/** What a new user needs after `npm start`: where the API is, the tokens, what was found, and what to type next. */
export function formatStartupReport(r: StartupReportInput): string {
  const lines: string[] = ['', `AQtive Guard AWS integration — running locally (ready in ${r.seconds.toFixed(1)} s)`, ''];
  if (r.consoleUrl) lines.push(`  Console     ${r.consoleUrl}   (sign in: paste the admin token below)`);
  lines.push(`  API         ${r.url}`);
  lines.push(`  OpenAPI     ${r.url}/openapi.json`);
  lines.push(`  State file  ${join(r.dataDir, STATE_FILE_NAME)} (URL, tenant, tokens, accounts — for scripts and CI)`);
  lines.push('', '  Tokens (X-API-Key header; kept only in the state file):');
  lines.push(`    admin     ${r.tokens.admin}`);
  lines.push(`    reader    ${r.tokens.reader}`);
  lines.push(`    uploader  ${r.tokens.uploader}   (what customer EventBridge connections send)`);
  if (r.demo) {
    const s = r.demo.summary;
    lines.push('', `  Sandbox account ${r.demo.accountId}: ingestion ${r.demo.ingestion.ingestionId} ${r.demo.ingestion.status}, ${plural(r.demo.eventsPosted, 'CloudTrail event')} replayed`);
    lines.push(`  Inventory: ${plural(s.total, 'asset')} — ${Object.entries(s.byType).map(([t, n]) => plural(n, t)).join(', ')}`);
    lines.push(`    quantum-vulnerable          ${s.quantumVulnerable}`);
    lines.push(`    expiring within 30 days     ${s.expiringWithin30Days}`);
    lines.push(`    rotation disabled           ${s.rotationDisabled}`);
    if (r.demo.health) lines.push('', ...formatPipelineHealth(r.demo.health));
  } else if (r.mode === 'aws') {
    lines.push('', '  Customer accounts use your AWS credentials/endpoints. Connect a role (trusting your credentials, with');
    lines.push(`  ExternalId ${r.externalId}):`);
    lines.push(`    curl -s -X POST -H 'X-API-Key: ${r.tokens.admin}' -H 'Content-Type: application/json' \\`);
    lines.push(`      -d '{"roleArn":"arn:aws:iam::<account>:role/AQtiveGuardReadOnlyAccessRole"}' '${r.url}/data-sources/aws/accounts?startNow=true'`);
  }
  lines.push('', '  Try:');
  lines.push(`    curl -s -H 'X-API-Key: ${r.tokens.reader}' '${r.url}/inventory?quantumVulnerable=true&limit=5'`);
  lines.push(`    curl -s -H 'X-API-Key: ${r.tokens.reader}' '${r.url}/data-sources/aws/accounts'`);
  lines.push(`    curl -s -H 'X-API-Key: ${r.tokens.admin}' '${r.url}/data-sources/aws/template' -o cloudformation-template.json`);
  lines.push('', '  Ctrl-C stops everything; the data stays in the data directory (--reset to start over).', '');
  return lines.join('\n');
}

/** One line per region (role, status); for a region that is not healthy, each such check with its remedy. */
export function formatPipelineHealth(health: AccountHealthReport): string[] {
  const lines = [`  Event pipeline health: ${health.status.toUpperCase()} (checked ${health.checkedAt})`];
  for (const region of health.regions) {
    lines.push(`    ${region.region.padEnd(16)}${region.role.padEnd(11)}${region.status}`);
    for (const c of region.checks.filter((x) => x.status !== 'pass')) {
      lines.push(`      ${c.check} ${c.status}: ${c.observed}`, `        → ${c.remedy}`);
    }
  }
  return lines;
}
