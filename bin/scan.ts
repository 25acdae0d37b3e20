#!/usr/bin/env node
// `npm run scan -- --help`: inventory one AWS account's cryptographic assets. Logic: cli/scan-cli.ts.
import { runScan } from '../cli/scan-cli';

runScan(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`scan: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
