import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { GatewayResponse, LocalAuthorizer, LocalRoute } from './backend-template';
import { ApiRoutes, type RouteMatch } from './api-routes';
import { type IncomingApiRequest, authorizerEvent, methodArn, proxyEvent } from './api-gateway-event';
import { type AuthorizerOutput, InvalidAuthorizerResponseError, evaluatePolicy, parseAuthorizerOutput } from './authorizer-policy';
import { closeServer, listenOnLoopback } from './loopback-server';

export interface LocalApiGatewayOptions {
  readonly routes: readonly LocalRoute[];
  readonly authorizer: LocalAuthorizer;
  readonly gatewayResponses: Readonly<Record<string, GatewayResponse>>;
  readonly stage: string;
  readonly invoke: (handlerName: string, event: unknown) => Promise<unknown>;
  /** @default 3000; 0 = an ephemeral port */
  readonly port?: number;
  /** Answers requests outside the stage (the console's files); without it they get API Gateway's 403. */
  readonly serveOther?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Where handler crashes are reported (never with request headers: they carry tokens). @default console.error */
  readonly onError?: (message: string, err: unknown) => void;
}

export interface LocalApiGateway {
  /** `http://127.0.0.1:<port>/<stage>` */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** API Gateway's limits: 10 MB payloads, 29 s integration timeout. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const INTEGRATION_TIMEOUT_MS = 29_000;

class GatewayAnswer extends Error {
  constructor(readonly responseType: string) {
    super(responseType);
  }
}

/**
 * API Gateway (REST, one stage), locally: routes from the synthesized template, the REQUEST authorizer run and cached
 * per identity-source value for its TTL, Lambda proxy events built as API Gateway builds them, and API Gateway's own
 * answers (401, 403, 404, 413, 500) from the template's gateway responses.
 */
export async function startLocalApiGateway(options: LocalApiGatewayOptions): Promise<LocalApiGateway> {
  const routes = new ApiRoutes(options.routes);
  const cache = new Map<string, { output: AuthorizerOutput; expiresAt: number }>();
  const onError = options.onError ?? ((message: string, err: unknown) => console.error(message, err));

  const gatewayResponse = (type: string): APIGatewayProxyResult => {
    const configured = options.gatewayResponses[type] ?? options.gatewayResponses[type.startsWith('AUTHORIZER') || type.startsWith('INTEGRATION') ? 'DEFAULT_5XX' : 'DEFAULT_4XX'];
    if (!configured) return { statusCode: 500, body: JSON.stringify({ message: type }) };
    return { statusCode: configured.statusCode, headers: { ...configured.headers }, body: configured.body };
  };

  const authorize = async (request: IncomingApiRequest, match: RouteMatch, requestId: string): Promise<Record<string, string>> => {
    const identity = options.authorizer.identityHeaders.map((h) => headerOf(request.rawHeaders, h));
    // A missing identity source is a 401 without calling the authorizer.
    if (identity.some((v) => v === undefined || v === '')) throw new GatewayAnswer('UNAUTHORIZED');
    const key = JSON.stringify(identity);
    let cached = cache.get(key);
    if (!cached || cached.expiresAt <= Date.now()) {
      let raw: unknown;
      try {
        raw = await options.invoke(options.authorizer.handlerName, authorizerEvent(request, match, requestId));
      } catch (err) {
        // Exactly "Unauthorized" is API Gateway's 401; any other failure is AUTHORIZER_FAILURE (the backend answers 503).
        if (err instanceof Error && err.message === 'Unauthorized') throw new GatewayAnswer('UNAUTHORIZED');
        onError('Authorizer failed', err);
        throw new GatewayAnswer('AUTHORIZER_FAILURE');
      }
      let output: AuthorizerOutput;
      try {
        output = parseAuthorizerOutput(raw);
      } catch (err) {
        if (!(err instanceof InvalidAuthorizerResponseError)) throw err;
        onError('Authorizer answered an unusable response', err);
        throw new GatewayAnswer('AUTHORIZER_CONFIGURATION_ERROR');
      }
      cached = { output, expiresAt: Date.now() + options.authorizer.resultTtlSeconds * 1000 };
      if (options.authorizer.resultTtlSeconds > 0) {
        // Expired entries go once the cache grows, so many tokens over time cannot grow it without end.
        if (cache.size >= 1000) for (const [k, v] of cache) if (v.expiresAt <= Date.now()) cache.delete(k);
        cache.set(key, cached);
      }
    }
    if (evaluatePolicy(cached.output, methodArn(request)) !== 'ALLOW') throw new GatewayAnswer('ACCESS_DENIED');
    return { ...cached.output.context, principalId: cached.output.principalId };
  };

  const respond = async (request: IncomingApiRequest): Promise<APIGatewayProxyResult> => {
    const requestId = randomUUID();
    try {
      const match = routes.match(request.httpMethod, request.path);
      if (!match) throw new GatewayAnswer('MISSING_AUTHENTICATION_TOKEN');
      const authorizer = match.route.authorizationType === 'CUSTOM' ? await authorize(request, match, requestId) : null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new GatewayAnswer('INTEGRATION_TIMEOUT')), INTEGRATION_TIMEOUT_MS);
      });
      let result: unknown;
      try {
        result = await Promise.race([options.invoke(match.route.handlerName, proxyEvent(request, match, authorizer, requestId)), timeout]);
      } catch (err) {
        if (err instanceof GatewayAnswer) throw err;
        onError(`${match.route.handlerName} failed`, err);
        throw new GatewayAnswer('DEFAULT_5XX');
      } finally {
        clearTimeout(timer);
      }
      return validProxyResult(result) ?? (onError(`${match.route.handlerName} returned a malformed proxy response`, result), gatewayResponse('DEFAULT_5XX'));
    } catch (err) {
      if (err instanceof GatewayAnswer) return gatewayResponse(err.responseType);
      onError('Local API gateway error', err);
      return gatewayResponse('DEFAULT_5XX');
    }
  };

  const server: Server = createServer((req, res) => {
    void serve(req, res);
  });
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const stagePrefix = `/${options.stage}`;
    const inStage = url.pathname === stagePrefix || url.pathname.startsWith(`${stagePrefix}/`);
    if (!inStage && options.serveOther) {
      options.serveOther(req, res);
      return;
    }
    const body = await readBody(req);
    let result;
    if (body === undefined) result = gatewayResponse('REQUEST_TOO_LARGE');
    else if (url.pathname !== stagePrefix && !url.pathname.startsWith(`${stagePrefix}/`)) result = gatewayResponse('MISSING_AUTHENTICATION_TOKEN');
    else {
      result = await respond({
        httpMethod: req.method ?? 'GET',
        path: url.pathname.slice(stagePrefix.length) || '/',
        stage: options.stage,
        rawHeaders: req.rawHeaders,
        query: url.searchParams,
        body,
        sourceIp: req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1',
        // The gateway's own address, never the client's Host header: handlers build URLs (the customer template's
        // events endpoint, OpenAPI `servers`) from domainName, and in AWS it names the API, not what the client sent.
        domainName: `127.0.0.1:${port}`,
      });
    }
    const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
    for (const [k, values] of Object.entries(result.multiValueHeaders ?? {})) headers[k] = values.map(String);
    res.writeHead(result.statusCode, { ...headers, 'x-amzn-RequestId': randomUUID() });
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  };
  const port = await listenOnLoopback(server, options.port ?? 3000);
  return { url: `http://127.0.0.1:${port}/${options.stage}`, port, stop: () => closeServer(server) };
}

function headerOf(rawHeaders: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name.toLowerCase()) value = rawHeaders[i + 1];
  return value;
}

/** A Lambda proxy result API Gateway accepts; anything else is a 502 "Malformed Lambda proxy response". */
function validProxyResult(result: unknown): (APIGatewayProxyResult) | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as Record<string, unknown>;
  if (typeof r.statusCode !== 'number' || !Number.isInteger(r.statusCode)) return undefined;
  if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') return undefined;
  return {
    statusCode: r.statusCode,
    headers: (r.headers ?? {}) as Record<string, string>,
    multiValueHeaders: (r.multiValueHeaders ?? undefined) as APIGatewayProxyResult["multiValueHeaders"],
    body: (r.body as string | undefined) ?? '',
    isBase64Encoded: r.isBase64Encoded === true,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
