import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackendApp } from '../lib/synth-backend';
import { type BackendModel, type CfnTemplate, readBackendTemplate } from './backend-template';

/**
 * Synthesizes the backend stack in-process with the app `cdk synth` builds (lib/synth-backend.ts), but:
 * - without esbuild bundling: the local runtime runs the handlers' sources;
 * - without the console's hosting (S3, CloudFront): the local runtime serves the console itself (local/console-files.ts);
 * - without cdk-nag and CloudFormation's built-in validation: both only check, and the second one alone takes
 *   seconds (a WebAssembly rule engine), while start-up must stay fast.
 * The cloud assembly goes to a temporary directory that is removed at once: nothing is cached that could go stale.
 */
export function synthesizeBackendTemplate(): CfnTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'aqg-local-synth-'));
  try {
    const { app, stack } = createBackendApp({ outdir, bundling: false, validation: false, consoleDistDir: false });
    return app.synth().getStackByName(stack.stackName).template as CfnTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function synthesizeBackend(): BackendModel {
  return readBackendTemplate(synthesizeBackendTemplate());
}
