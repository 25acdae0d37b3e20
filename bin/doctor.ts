#!/usr/bin/env node
// `npm run doctor -- --help`: check this account's AQtive Guard event pipeline with your own credentials. Logic: cli/doctor-cli.ts.
import { runDoctor } from '../cli/doctor-cli';

runDoctor(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`doctor: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
