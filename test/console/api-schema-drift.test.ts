import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('console/src/api/schema.d.ts', () => {
  it('equals the types generated from the current OpenAPI document (run `npm run console:schema` after changing the API)', () => {
    const committed = readFileSync(join(ROOT, 'console', 'src', 'api', 'schema.d.ts'), 'utf8');
    const fresh = execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['console/scripts/write-api-schema.ts', '--stdout'], { cwd: ROOT, encoding: 'utf8' });
    if (committed !== fresh) throw new Error('console/src/api/schema.d.ts is out of date: run npm run console:schema and commit the result');
    expect(committed).toContain('"/inventory": {');
  });
});
