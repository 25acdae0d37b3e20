import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../../lambdas/api/openapi';

/**
 * Checks real answers against the OpenAPI document the API serves (lambdas/api/openapi.ts): the status must be
 * documented for the operation, the Content-Type must be the documented media type, and the body must validate
 * against the documented schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses it).
 */
export class ContractViolationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractViolationError';
  }
}

interface Operation {
  readonly responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, Operation>>; components: object };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

/** The documented path template for a request path: literal parts win over `{param}`, as in API Gateway. */
function templateOf(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  const candidates = Object.keys(doc.paths).filter((t) => {
    const segments = t.split('/').filter(Boolean);
    return segments.length === parts.length && segments.every((s, i) => /^\{.+\}$/.test(s) || s === parts[i]);
  });
  const literals = (t: string) => t.split('/').filter((s) => s && !s.startsWith('{')).length;
  return candidates.sort((a, b) => literals(b) - literals(a))[0];
}

export function checkAgainstContract(method: string, pathAndQuery: string, status: number, contentType: string | null, body: unknown): void {
  const path = pathAndQuery.split('?')[0];
  const template = templateOf(path);
  const where = `${method} ${path} → ${status}`;
  const operation = template ? doc.paths[template][method.toLowerCase()] : undefined;
  // No such route: API Gateway's own 404 (or 403 for a method on a known resource) in the error shape.
  const response = operation ? operation.responses[String(status)] : undefined;
  if (operation && !response) throw new ContractViolationError(`${where}: status not documented for ${method} ${template}`);
  const content = response?.content ?? { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const [mediaType, { schema }] = Object.entries(content)[0];
  if (contentType?.split(';')[0].trim() !== mediaType.split(';')[0].trim()) {
    throw new ContractViolationError(`${where}: Content-Type ${contentType}, documented ${mediaType}`);
  }
  const key = `${template ?? '(none)'} ${method} ${status}`;
  let validate = compiled.get(key);
  if (!validate) {
    // The schema's $refs point at #/components/…: compile it with the document's components beside it.
    validate = ajv.compile({ ...schema, components: doc.components });
    compiled.set(key, validate);
  }
  if (!validate(body)) {
    throw new ContractViolationError(`${where}: body does not match the documented schema: ${ajv.errorsText(validate.errors)}`);
  }
}
