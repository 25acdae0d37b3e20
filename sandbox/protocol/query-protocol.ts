/**
 * The AWS query protocol (STS): `POST /` with a form-encoded body (`Action=AssumeRole&Version=2011-06-15&…`),
 * XML responses `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` and errors
 * `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error><RequestId>…`.
 * https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 */
import type { ServerResponse } from 'node:http';
import type { AwsServiceError } from './aws-service-error';

export interface QueryRequest {
  readonly action: string;
  readonly version?: string;
  readonly params: Readonly<Record<string, string>>;
}

export function parseQueryRequest(body: string): QueryRequest {
  const form = new URLSearchParams(body);
  const params: Record<string, string> = {};
  for (const [key, value] of form) params[key] = value;
  const { Action: action = '', Version: version } = params;
  return { action, ...(version ? { version } : {}), params };
}

/** A value the XML writer can render: text, numbers, nested elements, or repeated `<member>` lists. */
export type XmlValue = string | number | boolean | undefined | XmlValue[] | { readonly [name: string]: XmlValue };

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function toXml(value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => `<${name}>${toXml(v)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function writeQueryResult(res: ServerResponse, xmlNamespace: string, action: string, requestId: string, result: XmlValue): void {
  const body =
    `<${action}Response xmlns="${xmlNamespace}"><${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function writeQueryError(res: ServerResponse, xmlNamespace: string, requestId: string, error: AwsServiceError): void {
  const body =
    `<ErrorResponse xmlns="${xmlNamespace}"><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code>` +
    `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  res.writeHead(error.statusCode, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
