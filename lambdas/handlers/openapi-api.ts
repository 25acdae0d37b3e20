import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { buildOpenApiDocument } from '../api/openapi';
import { requestBaseUrl } from '../api/public-url';
import { jsonResponse } from '../shared/http';

/** GET /openapi.json — public (no authorizer). */
export const OpenapiApiEnv = z.object({ PUBLIC_API_URL: z.url().optional() });

const env = OpenapiApiEnv.parse(process.env);

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> =>
  jsonResponse(200, buildOpenApiDocument(requestBaseUrl(event, env.PUBLIC_API_URL)), { 'Cache-Control': 'public, max-age=300' });
