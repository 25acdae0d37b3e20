import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Log, Result } from 'sarif';
import { CATALOGUE_VERSION, RULES } from './catalogue';
import type { Finding } from './finding';
import type { Severity } from './severity';

/** SARIF result levels (https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/sarif-v2.1.0-os.html §3.27.10). */
const LEVEL: Readonly<Record<Severity, Result.level>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/**
 * GitHub code scanning's numeric severity per rule ("security-severity", 0.0–10.0; ≥ 9 critical, 7–8.9 high,
 * 4–6.9 medium): https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
 */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/**
 * Findings as a SARIF 2.1.0 log (node-sarif-builder), so code-scanning tools open them: one run, the whole catalogue
 * as rules, one result per finding located at the asset's ARN. `partialFingerprints.findingId` keeps a finding the
 * same alert from one upload to the next.
 */
export function findingsToSarif(findings: readonly Finding[], properties: Record<string, string> = {}): Log {
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'aqtive-guard-aws-findings', toolDriverVersion: CATALOGUE_VERSION });
  for (const rule of RULES) {
    const sarifRule = new SarifRuleBuilder().initSimple({
      ruleId: rule.id,
      shortDescriptionText: rule.title,
      // raisedWhen is written to follow "raised when" (lower case): a sentence of its own here.
      fullDescriptionText: `${rule.raisedWhen.charAt(0).toUpperCase()}${rule.raisedWhen.slice(1)}. ${rule.rationale}`,
      helpUri: rule.remediation.url,
    });
    sarifRule.rule.help = { text: rule.remediation.text };
    sarifRule.rule.defaultConfiguration = { level: LEVEL[rule.defaultSeverity] };
    sarifRule.rule.properties = {
      'security-severity': SECURITY_SEVERITY[rule.defaultSeverity],
      tags: ['security', ...rule.profiles, ...rule.compliance.map((c) => `${c.framework} ${c.control}`)],
    };
    run.addRule(sarifRule);
  }
  for (const finding of findings) {
    const result = new SarifResultBuilder().initSimple({
      level: LEVEL[finding.severity],
      ruleId: finding.ruleId,
      messageText: `${finding.title}: ${finding.asset.name} (${finding.asset.arn}). ${finding.remediation.text}`,
      fileUri: finding.asset.arn,
    });
    result.result.locations = [
      {
        physicalLocation: { artifactLocation: { uri: finding.asset.arn } },
        logicalLocations: [{ fullyQualifiedName: finding.asset.arn, name: finding.asset.name, kind: finding.asset.type }],
      },
    ];
    result.result.partialFingerprints = { findingId: finding.findingId };
    result.result.properties = {
      severity: finding.severity,
      status: finding.status,
      dueAt: finding.dueAt,
      firstSeenAt: finding.firstSeenAt,
      accountId: finding.asset.accountId,
      region: finding.asset.region,
      blastRadius: finding.blastRadius.map((b) => b.arn),
      evidence: finding.evidence,
    };
    if (finding.status === 'suppressed' && finding.suppression) {
      result.result.suppressions = [{ kind: 'external', status: 'accepted', justification: finding.suppression.reason }];
    }
    run.addResult(result);
  }
  builder.addRun(run);
  const log = builder.buildSarifOutput();
  if (Object.keys(properties).length > 0) log.runs[0].properties = properties;
  return log;
}
