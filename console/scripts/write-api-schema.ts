/**
 * `npm run console:schema`: writes console/src/api/schema.d.ts from the route table's OpenAPI document.
 * `--stdout` prints it instead (the drift test runs this in a child process: openapi-typescript loads ES modules
 * that jest's CommonJS runtime cannot).
 */
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, generateApiSchema } from './api-schema';

generateApiSchema().then(
  (text) => {
    if (process.argv.includes('--stdout')) {
      process.stdout.write(text);
      return;
    }
    writeFileSync(API_SCHEMA_PATH, text);
    console.log(`wrote ${API_SCHEMA_PATH}`);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
