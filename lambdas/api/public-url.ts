import type { APIGatewayProxyEvent } from 'aws-lambda';

/**
 * Base URL of this API including the stage (`https://<host>/v1`): PUBLIC_API_URL when configured (a custom domain),
 * else derived from the request as API Gateway saw it.
 */
export function publicBaseUrl(event: APIGatewayProxyEvent, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, '');
  return `https://${event.requestContext.domainName}/${event.requestContext.stage}`;
}
