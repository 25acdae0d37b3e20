/**
 * Signature Version 4, as AWS checks it: who calls, from where, for which service, read from the `Authorization`
 * header's credential scope (`Credential=AKID/20260101/eu-west-1/kms/aws4_request`), and the signature recomputed
 * with the caller's secret key, so a wrong secret fails here as it does in AWS.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface SignatureScope {
  readonly accessKeyId: string;
  readonly region: string;
  readonly service: string;
  readonly sessionToken?: string;
}

/** What the signature covers: the request line, the signed headers and the body. */
export interface SignedRequest {
  readonly method: string;
  /** Path and query, as on the request line. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function parseAuthorization(headers: IncomingHttpHeaders) {
  const authorization = headers.authorization;
  const match = typeof authorization === 'string' ? AUTHORIZATION.exec(authorization.trim()) : null;
  if (!match) return undefined;
  const [, accessKeyId, date, region, service, signedHeaders, signature] = match as unknown as [string, string, string, string, string, string, string];
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';'), signature };
}

/** The scope of a signed request, or undefined when the request carries no SigV4 authorization. */
export function readSignatureScope(headers: IncomingHttpHeaders): SignatureScope | undefined {
  const auth = parseAuthorization(headers);
  if (!auth) return undefined;
  const token = headers['x-amz-security-token'];
  return {
    accessKeyId: auth.accessKeyId,
    region: auth.region,
    service: auth.service,
    ...(typeof token === 'string' ? { sessionToken: token } : {}),
  };
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, spaces as %20. */
const encode = (value: string): string => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function canonicalQuery(search: URLSearchParams): string {
  return [...search.entries()]
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Each segment of the (normalized) path URI-encoded twice, as every service but S3 signs it. */
function canonicalPath(pathname: string): string {
  const path = pathname.split('/').map((s) => encode(encode(decodeURIComponent(s)))).join('/');
  return path.startsWith('/') ? path : `/${path}`;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.trim().replace(/\s+/g, ' ');
}

/**
 * True when the request's signature is the one `secretAccessKey` produces. A request without a parsable
 * Authorization header, or whose `x-amz-date` is not in its credential scope's day, does not verify.
 */
export function verifySignature(request: SignedRequest, secretAccessKey: string): boolean {
  const auth = parseAuthorization(request.headers);
  const amzDate = headerValue(request.headers, 'x-amz-date');
  if (!auth || !amzDate.startsWith(auth.date)) return false;
  const url = new URL(request.url, 'http://sandbox.invalid');
  // A signed x-amz-content-sha256 header must be the body's hash, or the signature would not cover the body.
  const payloadHash = sha256Hex(request.body);
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (declaredHash !== '' && declaredHash !== payloadHash) return false;
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath(url.pathname),
    canonicalQuery(url.searchParams),
    ...auth.signedHeaders.map((name) => `${name}:${headerValue(request.headers, name)}`),
    '',
    auth.signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key = hmac(`AWS4${secretAccessKey}`, auth.date);
  for (const part of [auth.region, auth.service, 'aws4_request']) key = hmac(key, part);
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'), 'utf8');
  const provided = Buffer.from(auth.signature, 'utf8');
  return expected.length === provided.length && timingSafeEqual(expected, provided);
}
