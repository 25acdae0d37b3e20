/**
 * How API Gateway judges a Lambda authorizer's answer for one method ARN: an explicit Deny wins, then an Allow,
 * otherwise the call is denied. Resource patterns use IAM wildcards (`*` any run of characters, `?` one character).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export type PolicyDecision = 'ALLOW' | 'DENY';

/** The authorizer answered something API Gateway cannot use (AUTHORIZER_CONFIGURATION_ERROR, a 500). */
export class InvalidAuthorizerResponseError extends Error {
  constructor(reason: string) {
    super(`Invalid authorizer response: ${reason}`);
    this.name = 'InvalidAuthorizerResponseError';
  }
}

export interface AuthorizerOutput {
  readonly principalId: string;
  readonly statements: ReadonlyArray<{ effect: 'Allow' | 'Deny'; actions: string[]; resources: string[] }>;
  /** Context values as API Gateway passes them on: strings. */
  readonly context: Record<string, string>;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

export function parseAuthorizerOutput(output: unknown): AuthorizerOutput {
  if (typeof output !== 'object' || output === null) throw new InvalidAuthorizerResponseError('not an object');
  const o = output as Record<string, unknown>;
  if (typeof o.principalId !== 'string' || o.principalId === '') throw new InvalidAuthorizerResponseError('no principalId');
  const doc = o.policyDocument as { Statement?: unknown } | undefined;
  if (!doc || !Array.isArray(doc.Statement)) throw new InvalidAuthorizerResponseError('no policyDocument.Statement');
  const statements = doc.Statement.map((s: Record<string, unknown>) => {
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') throw new InvalidAuthorizerResponseError(`bad Effect ${String(s.Effect)}`);
    return { effect: s.Effect, actions: asList(s.Action), resources: asList(s.Resource) } as const;
  });
  const context: Record<string, string> = {};
  for (const [k, v] of Object.entries((o.context ?? {}) as Record<string, unknown>)) {
    // Only primitives are allowed in the context; API Gateway rejects objects and arrays.
    if (v !== null && typeof v === 'object') throw new InvalidAuthorizerResponseError(`context.${k} is not a primitive`);
    context[k] = String(v);
  }
  return { principalId: o.principalId, statements, context };
}

function wildcardRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

const coversInvoke = (action: string) => ['*', 'execute-api:*', 'execute-api:Invoke'].some((a) => a.toLowerCase() === action.toLowerCase());

export function evaluatePolicy(output: AuthorizerOutput, methodArn: string): PolicyDecision {
  const matching = output.statements.filter(
    (s) => s.actions.some(coversInvoke) && s.resources.some((r) => wildcardRegex(r).test(methodArn)),
  );
  if (matching.some((s) => s.effect === 'Deny')) return 'DENY';
  return matching.some((s) => s.effect === 'Allow') ? 'ALLOW' : 'DENY';
}
