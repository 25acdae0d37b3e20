import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { BackendStack } from '../lib/backend-stack';
import { type BackendModel, type CfnTemplate, readBackendTemplate } from './backend-template';

/**
 * Synthesizes the backend stack in-process, exactly as `cdk synth` builds it but:
 * - without esbuild bundling (`aws:cdk:bundling-stacks: []`): the local runtime runs the handlers' sources;
 * - without the built-in CloudFormation validation plugin and without cdk-nag: both only report, and the first one
 *   alone takes seconds (a WebAssembly rule engine), while start-up must stay fast.
 * The cloud assembly goes to a temporary directory that is removed at once: nothing is cached that could go stale.
 */
export function synthesizeBackendTemplate(): CfnTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'aqg-local-synth-'));
  try {
    const app = new App({
      outdir,
      context: { 'aws:cdk:bundling-stacks': [] },
      builtinCloudFormationValidation: false,
    });
    const stack = new BackendStack(app, 'AQtiveGuardBackendLocal');
    return app.synth().getStackByName(stack.stackName).template as CfnTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function synthesizeBackend(): BackendModel {
  return readBackendTemplate(synthesizeBackendTemplate());
}
