import { mkdtempSync, readdirSync, statSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalDynamo } from '../../../local/local-dynamo';
import { writeLocalStateFile } from '../../../local/local-state-file';

// The local data directory holds every tenant's inventory, token hashes and (local.json) live token secrets.
it('the local DynamoDB listens on loopback only, on a random port, and keeps its data private (0700 / 0600)', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'aqg-priv-')), 'data');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // an existing directory with lax rights is tightened
  const first = await startLocalDynamo({ path: dir, tables: [] });
  const second = await startLocalDynamo({ tables: [] });
  try {
    expect(first.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(second.endpoint).not.toBe(first.endpoint);
  } finally {
    await first.stop();
    await second.stop();
  }
  writeLocalStateFile(dir, { url: 'http://127.0.0.1:1', tenantId: 't', tokens: { admin: 'a', reader: 'r', uploader: 'u' }, accounts: [] });
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  const files = readdirSync(dir, { recursive: true }).map(String);
  expect(files.length).toBeGreaterThan(1);
  for (const f of files) {
    const st = statSync(join(dir, f));
    if (st.isFile()) expect({ f, mode: st.mode & 0o077 }).toEqual({ f, mode: 0 });
  }
});
