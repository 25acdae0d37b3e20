import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BackendStack } from '../lib/backend-stack';

/** The CDK app of the platform backend (`npx cdk synth` / `npx cdk deploy`). The customer template is its own app: bin/template.ts. */
const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
new BackendStack(app, 'AQtiveGuardBackend', {
  description: 'AQtive Guard AWS integration backend (API, crawl workflow, event pipeline, inventory)',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
