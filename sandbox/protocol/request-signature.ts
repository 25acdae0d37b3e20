/**
 * Who calls, from where, for which service: read from the SigV4 `Authorization` header's credential scope
 * (`Credential=AKID/20260101/eu-west-1/kms/aws4_request`). The sandbox does NOT verify signatures (it holds no
 * real secrets and serves loopback only); it trusts the scope and maps the access key id to an identity.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface SignatureScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
  readonly sessionToken?: string;
}

const CREDENTIAL = /Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/;

/** The scope of a signed request, or undefined when the request carries no SigV4 authorization. */
export function readSignatureScope(headers: IncomingHttpHeaders): SignatureScope | undefined {
  const authorization = headers.authorization;
  const match = typeof authorization === 'string' ? CREDENTIAL.exec(authorization) : null;
  if (!match) return undefined;
  const token = headers['x-amz-security-token'];
  return {
    accessKeyId: match[1],
    region: match[3],
    service: match[4],
    ...(typeof token === 'string' ? { sessionToken: token } : {}),
  };
}
