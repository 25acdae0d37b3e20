import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { buildOpenApiDocument } from '../api/openapi';
import { requestBaseUrl } from '../api/public-url';
import { jsonResponse } from '../shared/http';
import { parseEnvironment } from '../shared/environment';

const env = parseEnvironment('openapi-api');

/** GET /openapi.json — public (no authorizer). */
export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> =>
  jsonResponse(200, buildOpenApiDocument(requestBaseUrl(event, env.PUBLIC_API_URL)), { 'Cache-Control': 'public, max-age=300' });
