declare module 'ajv-formats-draft2019' {
  import type Ajv from 'ajv';
  /** Adds the draft 2019-09 formats Ajv lacks (idn-email, idn-hostname, iri, iri-reference, duration). */
  export default function addFormats2019(ajv: Ajv, options?: { formats?: string[] }): Ajv;
}
