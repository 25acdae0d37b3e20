import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations, type Environment } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BackendStack } from './backend-stack';

export const BACKEND_STACK_NAME = 'AQtiveGuardBackend';

/** Where `npm run console:build` writes the console (console/scripts/build-console.ts). */
export const CONSOLE_DIST_DIR = join(__dirname, '..', 'console', 'dist');

export interface BackendAppOptions {
  /** Where the cloud assembly goes. @default - the CDK CLI's output directory (CDK_OUTDIR), else a temporary one */
  readonly outdir?: string;
  /** The account and region to deploy to. @default - environment-agnostic */
  readonly env?: Environment;
  /** Bundle each handler with esbuild, as a deployment needs. Off for tests and the local runtime, which run sources. @default true */
  readonly bundling?: boolean;
  /**
   * Run cdk-nag AwsSolutions (an unacknowledged finding aborts synthesis) and CloudFormation's built-in template
   * validation. Off only for the local runtime: both only check, and the built-in one alone takes seconds. @default true
   */
  readonly validation?: boolean;
  /**
   * The built console the stack deploys behind CloudFront, or false for none (the local runtime serves it itself).
   * @default CONSOLE_DIST_DIR, which must hold a build
   */
  readonly consoleDistDir?: string | false;
}

/**
 * The backend app, built the same way for `cdk synth`/`cdk deploy` (bin/app.ts), the infrastructure tests
 * (test/support/backend-template.ts) and the local runtime (local/synthesized-backend.ts).
 */
export function createBackendApp(options: BackendAppOptions = {}): { app: App; stack: BackendStack } {
  const validation = options.validation ?? true;
  const consoleDistDir = options.consoleDistDir ?? CONSOLE_DIST_DIR;
  if (consoleDistDir !== false && !existsSync(join(consoleDistDir, 'index.html'))) {
    throw new Error(`The console is not built (${join(consoleDistDir, 'index.html')} is missing): run npm run console:build before cdk synth or cdk deploy`);
  }
  const app = new App({
    ...(options.outdir !== undefined && { outdir: options.outdir }),
    ...(options.bundling === false && { context: { 'aws:cdk:bundling-stacks': [] } }),
    ...(!validation && { builtinCloudFormationValidation: false }),
  });
  if (validation) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new BackendStack(app, BACKEND_STACK_NAME, {
    description: 'AQtive Guard AWS integration backend (API, crawl workflow, event pipeline, inventory)',
    ...(options.env && { env: options.env }),
    ...(consoleDistDir !== false && { consoleDistDir }),
  });
  return { app, stack };
}
