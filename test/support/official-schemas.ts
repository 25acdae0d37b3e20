import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import addFormats2019 from 'ajv-formats-draft2019';

/**
 * Validators for the official CycloneDX 1.6 and SARIF 2.1.0 JSON schemas committed in test/fixtures/schemas/
 * (provenance in its README). Every `format` the schemas use is registered and checked: an unknown format or
 * keyword fails the compile instead of being skipped.
 */
const SCHEMAS = join(__dirname, '..', 'fixtures', 'schemas');
const load = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as Record<string, unknown>;

function newAjv(): Ajv {
  // strictTypes/strictTuples off: the official schemas are not written for Ajv's extra strictness (e.g. `enum`
  // without `type`); unknown keywords and formats stay errors.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, validateFormats: true });
  addFormats(ajv);
  addFormats2019(ajv, { formats: ['idn-email', 'iri-reference'] });
  // Annotation keywords these schemas use, which Ajv does not know.
  ajv.addKeyword('meta:enum');
  return ajv;
}

let cyclonedx: ValidateFunction | undefined;
let sarif: ValidateFunction | undefined;

function cyclonedxValidator(): ValidateFunction {
  if (!cyclonedx) {
    const ajv = newAjv();
    ajv.addSchema(load('spdx.schema.json'));
    ajv.addSchema(load('jsf-0.82.schema.json'));
    cyclonedx = ajv.compile(load('bom-1.6.schema.json'));
  }
  return cyclonedx;
}

/**
 * The SARIF 2.1.0 schema (OASIS Standard, Errata 01) is draft-04. It uses no keyword whose meaning changed after
 * draft-04 except `id`, so it is validated as draft-07 with `id` renamed `$id`; any other draft-04-only keyword
 * (boolean exclusiveMinimum/exclusiveMaximum) makes this throw rather than validate differently.
 */
function sarifValidator(): ValidateFunction {
  if (!sarif) {
    const { $schema, id, ...rest } = load('sarif-schema-2.1.0.json');
    if ($schema !== 'http://json-schema.org/draft-04/schema#') throw new Error(`unexpected SARIF schema dialect ${String($schema)}`);
    const text = JSON.stringify(rest);
    if (/"exclusive(Minimum|Maximum)":\s*(true|false)/.test(text)) throw new Error('the SARIF schema uses draft-04 boolean exclusive bounds');
    sarif = newAjv().compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: String(id), ...rest });
  }
  return sarif;
}

const errorsOf = (validate: ValidateFunction, document: unknown): ErrorObject[] | null =>
  validate(JSON.parse(JSON.stringify(document))) ? null : (validate.errors ?? []);

/** null when the document is valid CycloneDX 1.6 JSON, else Ajv's errors. */
export function cbomSchemaErrors(document: unknown): ErrorObject[] | null {
  return errorsOf(cyclonedxValidator(), document);
}

/** null when the document is a valid SARIF 2.1.0 log, else Ajv's errors. */
export function sarifSchemaErrors(document: unknown): ErrorObject[] | null {
  return errorsOf(sarifValidator(), document);
}
