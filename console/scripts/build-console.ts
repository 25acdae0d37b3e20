import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export const CONSOLE_DIR = join(__dirname, '..');
export const CONSOLE_DIST = join(CONSOLE_DIR, 'dist');
const SRC = join(CONSOLE_DIR, 'src');

export interface ConsoleBuild {
  readonly files: number;
  /** The JavaScript a first visit loads (entry + its static imports), gzipped. */
  readonly initialJsGzipBytes: number;
  readonly totalJsGzipBytes: number;
}

/**
 * Bundles the console with esbuild into console/dist: ESM, one chunk per page (dynamic import + splitting), hashed
 * file names under assets/ (cacheable forever) and an index.html that is never cached.
 * https://esbuild.github.io/api/#splitting
 */
export async function buildConsole(): Promise<ConsoleBuild> {
  rmSync(CONSOLE_DIST, { recursive: true, force: true });
  mkdirSync(CONSOLE_DIST, { recursive: true });
  const result = await build({
    entryPoints: { main: join(SRC, 'main.tsx') },
    outdir: join(CONSOLE_DIST, 'assets'),
    publicPath: '/assets',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022'],
    platform: 'browser',
    minify: true,
    sourcemap: false,
    metafile: true,
    jsx: 'automatic',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    loader: { '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(CONSOLE_DIR, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.entries(outputs).find(([, o]) => o.entryPoint !== undefined && o.entryPoint.endsWith('main.tsx'));
  if (!entry) throw new Error('esbuild produced no entry chunk for console/src/main.tsx');
  const [entryPath, entryOutput] = entry;
  const href = (p: string) => `/${relative(CONSOLE_DIST, join(process.cwd(), p)).split('\\').join('/')}`;
  const css = entryOutput.cssBundle ? `\n    <link rel="stylesheet" href="${href(entryOutput.cssBundle)}" />` : '';
  const initial = [entryPath, ...entryOutput.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path)];
  const preloads = initial.slice(1).map((p) => `\n    <link rel="modulepreload" href="${href(p)}" />`).join('');
  writeFileSync(
    join(CONSOLE_DIST, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>AQtive Guard</title>${css}${preloads}
    <script type="module" src="${href(entryPath)}"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>The AQtive Guard console needs JavaScript.</noscript>
  </body>
</html>
`,
  );
  const gz = (p: string) => gzipSync(readFileSync(join(process.cwd(), p))).length;
  const js = Object.keys(outputs).filter((p) => p.endsWith('.js'));
  return {
    files: Object.keys(outputs).length + 1,
    initialJsGzipBytes: initial.reduce((n, p) => n + gz(p), 0),
    totalJsGzipBytes: js.reduce((n, p) => n + gz(p), 0),
  };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** True when console/dist is missing or older than a source file, this script or the installed packages. */
export function isConsoleBuildStale(): boolean {
  let built: number;
  try {
    built = statSync(join(CONSOLE_DIST, 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  const inputs = [newestMtime(SRC), statSync(__filename).mtimeMs, statSync(join(CONSOLE_DIR, '..', 'package-lock.json')).mtimeMs];
  return inputs.some((t) => t > built);
}
