/**
 * The account's front door: for every request, in AWS's order of checks — authentication (region enabled?
 * access key known and not expired?), the secret-read refusal, quotas, access-denied rules — then the service
 * handler. The protocol modules only parse and encode; the handlers only know their service.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { EstateBuilder } from './estate/estate-builder';
import { emptyRegionEstate } from './estate/estate';
import type { Estate } from './estate/estate';
import type { Identity, IdentityStore } from './identities';
import { AwsServiceError } from './protocol/aws-service-error';
import { isJsonRequest, parseJsonRequest, writeJsonError, writeJsonResult } from './protocol/json-protocol';
import { parseQueryRequest, writeQueryError, writeQueryResult, type XmlValue } from './protocol/query-protocol';
import { readSignatureScope, verifySignature } from './protocol/request-signature';
import type { SignatureScope } from './protocol/request-signature';
import type { RateLimiter } from './rate-limiter';
import type { RequestLog } from './request-log';
import { SECRET_READ_APIS } from './services/secret-reads';
import type { ServiceOperations } from './services/service-context';
import { CLOUDFORMATION_XML_NAMESPACE, type QueryOperation } from './services/cloudformation-service';
import { STS_XML_NAMESPACE, stsOperations } from './services/sts-service';

export interface DispatcherDeps {
  readonly accountId: string;
  readonly roleArn: string;
  readonly externalId: string;
  readonly estate: Estate;
  readonly builder: EstateBuilder;
  readonly identities: IdentityStore;
  readonly limiter: RateLimiter;
  readonly log: RequestLog;
  readonly now: () => Date;
  readonly isRegionEnabled: (region: string) => boolean;
  /** Initial access-denied rules (copied: change them later with denyAccess / allowAccess). */
  readonly accessDenied: readonly { readonly region: string; readonly service: string }[];
  /** JSON services by signing name (kms, acm, secretsmanager, ssm, events, cloudtrail). */
  readonly services: Readonly<Record<string, ServiceOperations>>;
  /** CloudFormation's query operations (STS is the other query service). */
  readonly cloudFormation: Readonly<Record<string, QueryOperation>>;
}

type Protocol = 'json' | 'query';

/** The same failure is spelled differently by the JSON and the query protocols. */
const AUTH_ERRORS: Record<Protocol, Record<'missing' | 'invalid' | 'signature' | 'expired' | 'denied' | 'throttled', [code: string, status: number]>> = {
  json: {
    missing: ['MissingAuthenticationTokenException', 400],
    invalid: ['UnrecognizedClientException', 400],
    signature: ['InvalidSignatureException', 400],
    expired: ['ExpiredTokenException', 400],
    denied: ['AccessDeniedException', 400],
    throttled: ['ThrottlingException', 400],
  },
  query: {
    missing: ['MissingAuthenticationToken', 403],
    invalid: ['InvalidClientTokenId', 403],
    signature: ['SignatureDoesNotMatch', 403],
    expired: ['ExpiredToken', 403],
    denied: ['AccessDenied', 403],
    throttled: ['Throttling', 400],
  },
};

function authError(protocol: Protocol, kind: keyof (typeof AUTH_ERRORS)['json'], message: string): AwsServiceError {
  const [code, status] = AUTH_ERRORS[protocol][kind];
  return new AwsServiceError(code, message, status);
}

const accessKey = (region: string, service: string): string => `${region}|${service}`;

export class RequestDispatcher {
  /** (region, signing name) pairs answering AccessDenied, as an explicit deny in an SCP would. */
  private readonly denied: Set<string>;

  constructor(private readonly deps: DispatcherDeps) {
    this.denied = new Set(deps.accessDenied.map((d) => accessKey(d.region, d.service)));
  }

  /** Every later request to `service` (signing name: kms, acm, secretsmanager, ssm, sts) in `region` is denied. */
  denyAccess(region: string, service: string): void {
    this.denied.add(accessKey(region, service));
  }

  /** Lifts a denial made by denyAccess or the `accessDenied` option. */
  allowAccess(region: string, service: string): void {
    this.denied.delete(accessKey(region, service));
  }

  readonly handle = (req: IncomingMessage, body: string, res: ServerResponse): void => {
    const requestId = randomUUID();
    if (isJsonRequest(req.headers)) {
      try {
        writeJsonResult(res, requestId, this.json(req, body));
      } catch (err) {
        writeJsonError(res, requestId, asServiceError(err));
      }
      return;
    }
    // The query services are told apart by the signing name of the request's credential scope.
    const namespace = readSignatureScope(req.headers)?.service === 'cloudformation' ? CLOUDFORMATION_XML_NAMESPACE : STS_XML_NAMESPACE;
    try {
      const { action, result } = namespace === CLOUDFORMATION_XML_NAMESPACE ? this.cloudFormationQuery(req, body) : this.query(req, body);
      writeQueryResult(res, namespace, action, requestId, result);
    } catch (err) {
      writeQueryError(res, namespace, requestId, asServiceError(err));
    }
  };

  private cloudFormationQuery(req: IncomingMessage, body: string): { action: string; result: XmlValue } {
    const { action, params } = parseQueryRequest(body);
    const { scope } = this.admit('query', req, body, 'cloudformation', action);
    const operation = this.deps.cloudFormation[action];
    if (!operation) throw new AwsServiceError('InvalidAction', `The sandbox does not implement cloudformation:${action} (it serves the reads the doctor makes)`);
    return { action, result: operation(params, { region: scope.region, accountId: this.deps.accountId }) };
  }

  private json(req: IncomingMessage, body: string): unknown {
    const { service, operation, input } = parseJsonRequest(req.headers, body);
    const { scope, identity } = this.admit('json', req, body, service, operation);
    const handler = this.deps.services[service]?.[operation];
    if (!handler) throw new AwsServiceError('UnknownOperationException', `The sandbox does not implement ${service}:${operation} (it serves the read-only APIs the platform uses; change the estate through the sandbox's mutation methods)`);
    const regionEstate = this.deps.estate.regions[scope.region] ?? emptyRegionEstate(scope.region);
    return handler(input, {
      region: scope.region,
      accountId: this.deps.accountId,
      estate: regionEstate,
      identity,
      roleArn: this.deps.roleArn,
      builder: this.deps.builder,
      now: this.deps.now,
      recordViolation: (v) => this.violation(v.kind, scope, `${service}:${operation}`, v.detail, identity),
    });
  }

  private query(req: IncomingMessage, body: string): { action: string; result: ReturnType<(typeof stsOperations)[string]> } {
    const { action, params } = parseQueryRequest(body);
    const { identity } = this.admit('query', req, body, 'sts', action);
    const operation = stsOperations[action];
    if (!operation) throw new AwsServiceError('InvalidAction', `Could not find operation ${action} for version 2011-06-15`);
    const result = operation(params, { identity, identities: this.deps.identities, accountId: this.deps.accountId, roleArn: this.deps.roleArn, externalId: this.deps.externalId });
    return { action, result };
  }

  /** Authentication, refusal, quota and access checks common to every service. */
  private admit(protocol: Protocol, req: IncomingMessage, body: string, service: string, operation: string): { scope: SignatureScope; identity: Identity } {
    const scope = readSignatureScope(req.headers);
    if (!scope) throw authError(protocol, 'missing', 'Missing Authentication Token');
    const api = `${service}:${operation}`;
    this.deps.log.count(scope.region, api);
    const lookup = this.deps.identities.lookup(scope.accessKeyId, scope.sessionToken);
    const known = lookup.status === 'ok' ? lookup.identity : undefined;
    if (SECRET_READ_APIS.has(api)) {
      this.violation('secret-read', scope, api, `${api} reads secret material and is refused`, known);
      throw authError(protocol, 'denied', `User: ${known?.arn ?? scope.accessKeyId} is not authorized to perform: ${api} (the sandbox refuses every call that reads secret material)`);
    }
    // Disabled opt-in Regions reject credentials as if they did not exist
    // (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
    if (!this.deps.isRegionEnabled(scope.region) || lookup.status === 'unknown') {
      throw authError(protocol, 'invalid', 'The security token included in the request is invalid.');
    }
    if (!verifySignature({ method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body }, lookup.identity.credentials.secretAccessKey)) {
      throw authError(protocol, 'signature', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
    }
    if (lookup.status === 'expired') throw authError(protocol, 'expired', 'The security token included in the request is expired');
    const identity = lookup.identity;
    if (!this.deps.limiter.tryAcquire(scope.region, api)) {
      this.deps.log.countThrottled(api);
      throw authError(protocol, 'throttled', service === 'kms' ? 'You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.' : 'Rate exceeded');
    }
    if (this.denied.has(accessKey(scope.region, service))) {
      throw authError(protocol, 'denied', `User: ${identity.arn} is not authorized to perform: ${api} with an explicit deny in a service control policy`);
    }
    return { scope, identity };
  }

  private violation(kind: 'secret-read' | 'predefined-alias-describe', scope: SignatureScope, api: string, detail: string, identity: Identity | undefined): void {
    this.deps.log.violation({
      kind,
      region: scope.region,
      api,
      accessKeyId: scope.accessKeyId,
      ...(identity ? { principalArn: identity.arn } : {}),
      detail,
      at: this.deps.now().toISOString(),
    });
  }
}

function asServiceError(err: unknown): AwsServiceError {
  if (err instanceof AwsServiceError) return err;
  // A sandbox bug: say so (500 like an AWS internal failure), with the cause for whoever debugs the test.
  return new AwsServiceError('InternalFailure', `Sandbox internal error: ${err instanceof Error ? err.message : String(err)}`, 500, 'Receiver');
}
