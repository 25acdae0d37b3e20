import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The import rules of .dependency-cruiser.cjs (explained in docs/architecture.md), run over the whole tree. */

const ROOT = join(__dirname, '..', '..');
const CRUISED = ['bin', 'lib', 'lambdas', 'local', 'sandbox', 'cli', 'test'];

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

interface ForbiddenRule {
  readonly name: string;
  readonly from: { readonly path?: string };
}

describe('dependency rules', () => {
  it('hold over the whole tree: no violations, no cycles', () => {
    // WHEN
    const out = execFileSync(join(ROOT, 'node_modules', '.bin', 'depcruise'), ['--output-type', 'json', ...CRUISED], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const { summary } = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
    // THEN
    expect(summary.totalCruised).toBeGreaterThan(200);
    expect(summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('place every folder of lambdas/ in the order (a new folder must be given its place), as docs/architecture.md says', () => {
    // GIVEN
    const config = require(join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: ForbiddenRule[] };
    const ordered = config.forbidden
      .filter((r) => r.name.startsWith('lambdas-order-'))
      .map((r) => r.name.slice('lambdas-order-'.length));
    const folders = readdirSync(join(ROOT, 'lambdas'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    // THEN every folder but the first of the order (handlers, which nothing may import) has its rule
    expect(['handlers', ...ordered].sort()).toEqual([...folders].sort());
    // and docs/architecture.md states the same order
    const docs = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8').replace(/\s+/g, ' ');
    expect(docs).toContain(['handlers', ...ordered].map((f) => `\`${f}\``).join(' → '));
  });
});
