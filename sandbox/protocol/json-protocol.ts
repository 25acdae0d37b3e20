/**
 * AWS JSON 1.1 (KMS, ACM, Secrets Manager, SSM, EventBridge, CloudTrail): `POST /` with `X-Amz-Target: <ServiceTarget>.<Operation>` and a
 * JSON body; errors as `{"__type": "<Code>", "message": "…"}` with a 4xx/5xx status, which is what the SDK's
 * JSON-RPC deserializer reads (`__type` first, then `code`, then the `x-amzn-errortype` header).
 * https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { AwsServiceError } from './aws-service-error';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** X-Amz-Target prefixes → the service's signing name (what the credential scope says). */
export const JSON_SERVICE_TARGETS: Readonly<Record<string, string>> = {
  TrentService: 'kms',
  CertificateManager: 'acm',
  secretsmanager: 'secretsmanager',
  AmazonSSM: 'ssm',
  AWSEvents: 'events',
  // @aws-sdk/client-cloudtrail sends the short target; older SDKs (and the service model's namespace) the long one.
  CloudTrail_20131101: 'cloudtrail',
  'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101': 'cloudtrail',
};

export interface JsonRequest {
  readonly service: string;
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

export function isJsonRequest(headers: IncomingHttpHeaders): boolean {
  return typeof headers['x-amz-target'] === 'string';
}

export function parseJsonRequest(headers: IncomingHttpHeaders, body: string): JsonRequest {
  const target = String(headers['x-amz-target']);
  const dot = target.lastIndexOf('.');
  const service = JSON_SERVICE_TARGETS[target.slice(0, dot)];
  if (dot < 0 || !service) throw new AwsServiceError('UnknownOperationException', `The sandbox does not serve X-Amz-Target ${target}`);
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    throw new AwsServiceError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new AwsServiceError('SerializationException', 'The request body must be a JSON object.');
  }
  return { service, operation: target.slice(dot + 1), input: input as Record<string, unknown> };
}

export function writeJsonResult(res: ServerResponse, requestId: string, output: unknown): void {
  const body = JSON.stringify(output ?? {});
  res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function writeJsonError(res: ServerResponse, requestId: string, error: AwsServiceError): void {
  const body = JSON.stringify({ __type: error.code, message: error.message });
  res.writeHead(error.statusCode, { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
