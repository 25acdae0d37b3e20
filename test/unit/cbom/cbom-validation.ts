import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

/**
 * The CycloneDX library's own strict JSON-schema validator for 1.6 (ajv + ajv-formats + ajv-formats-draft2019, all
 * installed; it works offline with the schemas the library ships). Resolves to null when valid, else the ajv errors.
 */
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

export async function cbomSchemaErrors(document: unknown): Promise<unknown> {
  return validator.validate(JSON.stringify(document));
}
