import { App, DefaultStackSynthesizer, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerTemplateStack } from './customer-template-stack';

export const CUSTOMER_TEMPLATE_STACK_NAME = 'AQtiveGuardCustomerTemplate';

export interface CustomerTemplateSynthesis {
  readonly template: Record<string, unknown>;
  /** Findings that did not abort synthesis (warnings of cdk-nag or CDK's own template validation). */
  readonly validationFindings: readonly unknown[];
}

/**
 * Synthesizes the customer template and reports every validation finding. The template deploys into accounts
 * that were never CDK-bootstrapped: no BootstrapVersion parameter or rule, no CDKMetadata resource, no
 * construct-path metadata, no assets. cdk-nag AwsSolutions runs on every synthesis; an error aborts it.
 */
export function synthesizeCustomerTemplateWithFindings(): CustomerTemplateSynthesis {
  const outdir = mkdtempSync(join(tmpdir(), 'aqg-customer-template-'));
  try {
    const app = new App({
      outdir,
      analyticsReporting: false,
      context: { 'aws:cdk:disable-stack-trace': true, 'aws:cdk:enable-path-metadata': false },
    });
    new CustomerTemplateStack(app, CUSTOMER_TEMPLATE_STACK_NAME, {
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const assembly = app.synth();
    const reportPath = join(outdir, 'validation-report.json');
    const report = existsSync(reportPath)
      ? (JSON.parse(readFileSync(reportPath, 'utf8')) as { pluginReports?: unknown[] })
      : { pluginReports: [] };
    return {
      template: assembly.getStackByName(CUSTOMER_TEMPLATE_STACK_NAME).template as Record<string, unknown>,
      validationFindings: report.pluginReports ?? [],
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The customer template: the one function behind `npm run template` and the drift test (same context). */
export function synthesizeCustomerTemplate(): Record<string, unknown> {
  return synthesizeCustomerTemplateWithFindings().template;
}

/** The committed file's text: pretty-printed JSON with a trailing newline. */
export function serializeCustomerTemplate(template: unknown): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}
