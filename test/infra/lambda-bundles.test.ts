import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_EXTERNAL_MODULES, HANDLERS_DIR } from '../../lib/constructs/platform-function';

/**
 * The stack tests synthesize without bundling; this checks that every handler really bundles the way
 * NodejsFunction bundles it for deployment (cjs, node22, everything inside but the declared externals), so a
 * dependency esbuild cannot resolve fails here instead of in `cdk deploy`.
 */
const handlers = readdirSync(HANDLERS_DIR).filter((f) => f.endsWith('.ts'));

test.each(handlers)('%s bundles for Lambda', async (file) => {
  const result = await build({
    entryPoints: [join(HANDLERS_DIR, file)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    minify: true,
    external: BUNDLE_EXTERNAL_MODULES,
    write: false,
    logLevel: 'silent',
  });
  expect(result.errors).toEqual([]);
  expect(result.outputFiles[0]!.contents.length).toBeGreaterThan(0);
});
