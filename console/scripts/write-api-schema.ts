/** `npm run console:schema`: writes console/src/api/schema.d.ts from the route table's OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { API_SCHEMA_PATH, generateApiSchema } from './api-schema';

generateApiSchema().then(
  (text) => {
    writeFileSync(API_SCHEMA_PATH, text);
    console.log(`wrote ${API_SCHEMA_PATH}`);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
