import type { APIGatewayProxyEvent } from 'aws-lambda';
import { headerValue } from '../shared/http';

/**
 * Base URL of this API including the stage (`https://<host>/v1`) for URLs handed to EventBridge (which accepts only
 * HTTPS endpoints): PUBLIC_API_URL when configured (a custom domain), else derived from the request as API Gateway
 * saw it.
 */
export function publicBaseUrl(event: APIGatewayProxyEvent, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `https://${event.requestContext.domainName}/${event.requestContext.stage}`;
}

/**
 * The base URL the caller reached, for documents that point back at this API (the OpenAPI `servers`):
 * PUBLIC_API_URL when configured, else the request's scheme (X-Forwarded-Proto, which API Gateway sets:
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html ; the local
 * runtime answers over http), host and stage.
 */
export function requestBaseUrl(event: APIGatewayProxyEvent, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  const proto = headerValue(event.headers, 'X-Forwarded-Proto') === 'http' ? 'http' : 'https';
  return `${proto}://${event.requestContext.domainName}/${event.requestContext.stage}`;
}
