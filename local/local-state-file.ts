import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** `<data-dir>/local.json`: what scripts and CI need to drive the local runtime. */
export const LocalStateFileSchema = z.object({
  url: z.string(),
  tenantId: z.string(),
  tokens: z.object({ admin: z.string(), reader: z.string(), uploader: z.string() }),
  accounts: z.array(z.string()),
});
export type LocalStateFile = z.infer<typeof LocalStateFileSchema>;

export const STATE_FILE_NAME = 'local.json';

/** The previous run's file, or undefined when absent or unreadable (a fresh tenant is created then). */
export function readLocalStateFile(dataDir: string): LocalStateFile | undefined {
  try {
    return LocalStateFileSchema.parse(JSON.parse(readFileSync(join(dataDir, STATE_FILE_NAME), 'utf8')));
  } catch {
    return undefined;
  }
}

/** Atomic: written to a temporary file, then renamed over the old one, so a reader never sees half a file. */
export function writeLocalStateFile(dataDir: string, state: LocalStateFile): LocalStateFile {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const target = join(dataDir, STATE_FILE_NAME);
  const temp = `${target}.${process.pid}.tmp`;
  // The file holds live tokens: readable by the owner only.
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, target);
  return state;
}
