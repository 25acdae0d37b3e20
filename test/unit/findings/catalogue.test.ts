import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_VERSION, ruleById, RULES, rulesOfProfile } from '../../../lambdas/findings/catalogue';
import { catalogueMarkdown } from '../../../lambdas/findings/catalogue-markdown';
import { PROFILES } from '../../../lambdas/findings/finding';
import { SEVERITIES } from '../../../lambdas/findings/severity';

const FINDINGS_DIR = join(__dirname, '../../../lambdas/findings');

/** The rules the issue asks for, at least. */
const REQUIRED = [
  'cert-expired',
  'cert-expiring',
  'cert-renewal-at-risk',
  'cert-weak-key',
  'cert-weak-signature',
  'kms-key-pending-deletion',
  'kms-key-disabled-in-use',
  'kms-rotation-disabled',
  'kms-imported-material-expiring',
  'secret-rotation-disabled',
  'secret-not-rotated',
  'secret-unused',
  'quantum-vulnerable',
];

describe('the rule catalogue', () => {
  test('is versioned and holds every required rule exactly once', () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
    expect(RULES.map((r) => r.id).sort()).toEqual([...REQUIRED].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test('one rule per file, the file named after the rule id', () => {
    const files = readdirSync(join(FINDINGS_DIR, 'rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s is complete', (id, rule) => {
    expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)+$/);
    expect(ruleById(id)).toBe(rule);
    expect(rule.title.length).toBeGreaterThan(10);
    expect(SEVERITIES).toContain(rule.defaultSeverity);
    expect(rule.raisedWhen.length).toBeGreaterThan(10);
    expect(rule.rationale.length).toBeGreaterThan(40);
    expect(rule.remediation.text.length).toBeGreaterThan(40);
    expect(rule.remediation.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/[a-z]/);
    expect(rule.assetTypes.length).toBeGreaterThan(0);
    for (const p of rule.profiles) expect(PROFILES).toContain(p);
    for (const c of rule.compliance) {
      expect(c.framework.length).toBeGreaterThan(3);
      expect(c.control.length).toBeGreaterThan(1);
    }
  });

  test('the Security Hub controls the issue names are mapped, and those rules are in aws-foundational', () => {
    const controls = (id: string) => ruleById(id)!.compliance.filter((c) => c.framework === 'AWS Foundational Security Best Practices').map((c) => c.control);
    expect(controls('cert-expired')).toEqual(['ACM.1']);
    expect(controls('cert-expiring')).toEqual(['ACM.1']);
    expect(controls('cert-weak-key')).toEqual(['ACM.2']);
    expect(controls('kms-key-pending-deletion')).toEqual(['KMS.3']);
    expect(controls('kms-rotation-disabled')).toEqual(['KMS.4']);
    expect(controls('secret-rotation-disabled')).toEqual(['SecretsManager.1']);
    expect(controls('secret-not-rotated')).toEqual(['SecretsManager.2', 'SecretsManager.4']);
    expect(controls('secret-unused')).toEqual(['SecretsManager.3']);
    for (const rule of RULES) {
      const mapped = rule.compliance.some((c) => c.framework === 'AWS Foundational Security Best Practices');
      expect([rule.id, rule.profiles.includes('aws-foundational')]).toEqual([rule.id, mapped]);
    }
    expect(ruleById('quantum-vulnerable')!.compliance.map((c) => c.framework)).toEqual(['NIST IR 8547', 'CNSA 2.0']);
  });

  test('profiles group the rules; all is every rule', () => {
    expect(rulesOfProfile('all')).toHaveLength(RULES.length);
    expect(rulesOfProfile('pqc-readiness').map((r) => r.id)).toEqual(['cert-weak-key', 'cert-weak-signature', 'quantum-vulnerable']);
    expect(rulesOfProfile('aws-foundational').map((r) => r.id)).toContain('kms-rotation-disabled');
  });

  test('the README catalogue is the generated one', () => {
    const readme = readFileSync(join(FINDINGS_DIR, 'README.md'), 'utf8');
    const block = /<!-- catalogue:start -->\n([\s\S]*?)<!-- catalogue:end -->/.exec(readme);
    expect(block).not.toBeNull();
    expect(block![1]).toBe(catalogueMarkdown());
  });
});
