import openapiTS, { astToString } from 'openapi-typescript';
import { join } from 'node:path';
import { buildOpenApiDocument } from '../../lambdas/api/openapi';

/** Where the console's API types live (committed; test/console/api-schema-drift.test.ts keeps them current). */
export const API_SCHEMA_PATH = join(__dirname, '..', 'src', 'api', 'schema.d.ts');

const HEADER = '/* Generated from lambdas/api/openapi.ts by `npm run console:schema`: do not edit. */\n\n';

/** The console's TypeScript types for the /v1 API, generated from the same OpenAPI document the API serves. */
export async function generateApiSchema(): Promise<string> {
  const document = buildOpenApiDocument();
  const ast = await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}
