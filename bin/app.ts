import { createBackendApp } from '../lib/synth-backend';

/** The CDK app of the platform backend (`npx cdk synth` / `npx cdk deploy`). The customer template is its own app: bin/template.ts. */
createBackendApp({ env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } });
