import type { ResourceType } from '../../inventory/asset';
import { isArn, isKmsKeyArn, partitionOf, ssmParameterArn } from '../arn';
import { resolveCaller, type Caller } from '../caller';
import type { InventoryChange, MapResult, UsageChange } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { CONFIGURATION_USAGE_EVENTS, KMS_USAGE_EVENTS } from './event-names';
import { kmsKeyArnOf } from './kms';
import { arr, bool, obj, requestOf, resourceArns, responseOf, str, strings, type Json } from './record-fields';
import { secretArnOf } from './secretsmanager';

/**
 * Usage events → edges asset → resource. Cryptographic calls (KMS), secret and parameter reads name the asset and
 * the caller; configuration calls of other services (API Gateway domain names, load balancer listeners, CloudFront
 * distributions, Lambda functions) name the resource and the certificate or key it is configured with.
 */
export { CONFIGURATION_USAGE_EVENTS, KMS_USAGE_EVENTS };

const edge = (assetArn: string, caller: Caller, via: string): UsageChange => ({
  kind: 'usage',
  assetArn,
  resourceArn: caller.arn,
  resourceType: caller.type,
  via,
});

const changes = (list: InventoryChange[]): MapResult => (list.length > 0 ? { kind: 'changes', changes: list } : { kind: 'unsupported' });

/** Services that decrypt on someone's behalf name the protected resource in the encryption context. */
function kmsCaller(event: NormalizedEvent): Caller {
  const context = obj(requestOf(event), 'encryptionContext');
  const invokedBy = event.detail.userIdentity?.invokedBy;
  // Secrets Manager's encryption context: SecretARN (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html)
  const secretArn = str(context, 'SecretARN');
  if (invokedBy === 'secretsmanager.amazonaws.com' && secretArn) return { arn: secretArn, type: 'other' };
  // Parameter Store's: PARAMETER_ARN (https://docs.aws.amazon.com/systems-manager/latest/userguide/secure-string-parameter-kms-encryption.html)
  const parameterArn = str(context, 'PARAMETER_ARN');
  if (invokedBy === 'ssm.amazonaws.com' && parameterArn) return { arn: parameterArn, type: 'other' };
  return resolveCaller(event);
}

export function mapKmsUsage(event: NormalizedEvent): MapResult {
  // ReEncrypt names two keys (source and destination); both are in resources[].
  const keys = new Set<string>(resourceArns(event).filter(isKmsKeyArn));
  const key = kmsKeyArnOf(event);
  if (keys.size === 0 && key) keys.add(key);
  const caller = kmsCaller(event);
  return changes([...keys].map((k) => edge(k, caller, event.eventName)));
}

export function mapSecretRead(event: NormalizedEvent, resolvedArn?: string): MapResult {
  const arn = secretArnOf(event) ?? resolvedArn;
  return arn ? changes([edge(arn, resolveCaller(event), event.eventName)]) : { kind: 'unsupported' };
}

/** GetParameter(s) count as usage of the parameter only with decryption (a SecureString read in clear). */
export function mapParameterRead(event: NormalizedEvent): MapResult {
  const request = requestOf(event);
  if (bool(request, 'withDecryption') !== true) return { kind: 'unsupported' };
  const names = event.eventName === 'GetParameters' ? strings(request, 'names') : [str(request, 'name')].filter((n): n is string => !!n);
  const caller = resolveCaller(event);
  // A name may carry a version or label selector (name:3, name:prod): the asset is the parameter itself.
  return changes(names.map((n) => edge(ssmParameterArn(event.region, event.accountId, isArn(n) ? n : n.replace(/:[^/:]+$/, '')), caller, event.eventName)));
}

const isAcmArn = (v: unknown): v is string => isArn(v) && v.includes(':acm:') && v.includes(':certificate/');

/** ExportCertificate returns the certificate with its private key: the caller uses the certificate. */
export function mapCertificateExport(event: NormalizedEvent): MapResult {
  const arn = str(requestOf(event), 'certificateArn');
  return isAcmArn(arn) ? changes([edge(arn, resolveCaller(event), event.eventName)]) : { kind: 'unsupported' };
}

function resource(arn: string, type: ResourceType): Caller {
  return { arn, type };
}

function apiGatewayUsage(event: NormalizedEvent): UsageChange[] {
  const request = requestOf(event);
  const domainName = str(request, 'domainName');
  if (!domainName) return [];
  const certificates = [
    str(request, 'certificateArn'),
    str(request, 'regionalCertificateArn'),
    // API Gateway v2: DomainNameConfigurations[].CertificateArn
    ...arr(request, 'domainNameConfigurations').map((c) => str(c, 'certificateArn')),
    // v1 UpdateDomainName: patch operations replacing /certificateArn or /regionalCertificateArn
    ...arr(request, 'patchOperations')
      .filter((p) => /certificateArn$/i.test(str(p, 'path') ?? ''))
      .map((p) => str(p, 'value')),
  ].filter(isAcmArn);
  const target = resource(`arn:${partitionOf(event.region)}:apigateway:${event.region}::/domainnames/${domainName}`, 'apigateway-domain');
  return certificates.map((c) => edge(c, target, event.eventName));
}

/** listener ARN (…:listener/app/<name>/<lb-id>/<listener-id>) → its load balancer (…:loadbalancer/app/<name>/<lb-id>). */
function loadBalancerOfListener(listenerArn: string): string {
  return listenerArn.replace(':listener/', ':loadbalancer/').replace(/\/[^/]+$/, '');
}

function elbUsage(event: NormalizedEvent): UsageChange[] {
  const request = requestOf(event);
  const response = responseOf(event);
  const partition = partitionOf(event.region);
  const classicName = str(request, 'loadBalancerName');
  if (classicName) {
    // Classic load balancers: listeners[].sSLCertificateId, or SetLoadBalancerListenerSSLCertificate's sSLCertificateId.
    const target = resource(`arn:${partition}:elasticloadbalancing:${event.region}:${event.accountId}:loadbalancer/${classicName}`, 'load-balancer');
    const certificates = [str(request, 'sSLCertificateId'), ...arr(request, 'listeners').map((l) => str(l, 'sSLCertificateId'))].filter(isAcmArn);
    return certificates.map((c) => edge(c, target, event.eventName));
  }
  const listenerArn =
    str(request, 'listenerArn') ?? arr(response, 'listeners').map((l) => str(l, 'listenerArn')).find((a): a is string => !!a);
  const lbArn = str(request, 'loadBalancerArn') ?? (listenerArn ? loadBalancerOfListener(listenerArn) : undefined);
  if (!lbArn) return [];
  const certificates = arr(request, 'certificates').map((c) => str(c, 'certificateArn')).filter(isAcmArn);
  return certificates.map((c) => edge(c, resource(lbArn, 'load-balancer'), event.eventName));
}

function cloudFrontUsage(event: NormalizedEvent): UsageChange[] {
  const request = requestOf(event);
  const response = responseOf(event);
  const config: Json | undefined = obj(request, 'distributionConfig') ?? obj(obj(request, 'distributionConfigWithTags'), 'distributionConfig');
  const viewer = obj(config, 'viewerCertificate');
  // CloudTrail lower-cases the first letter of ACMCertificateArn: aCMCertificateArn.
  const certificate = str(viewer, 'aCMCertificateArn') ?? str(viewer, 'acmCertificateArn') ?? str(viewer, 'ACMCertificateArn');
  const id = str(obj(response, 'distribution'), 'id') ?? str(request, 'id');
  if (!isAcmArn(certificate) || !id) return [];
  const account = event.accountId;
  return [edge(certificate, resource(`arn:${partitionOf(event.region)}:cloudfront::${account}:distribution/${id}`, 'cloudfront-distribution'), event.eventName)];
}

function lambdaUsage(event: NormalizedEvent): UsageChange[] {
  const request = requestOf(event);
  const response = responseOf(event);
  // CloudTrail spells the KMSKeyArn parameter kMSKeyArn.
  const keyArn = str(request, 'kMSKeyArn') ?? str(request, 'kmsKeyArn') ?? str(response, 'kMSKeyArn') ?? str(response, 'kmsKeyArn');
  if (!isKmsKeyArn(keyArn)) return [];
  const name = str(request, 'functionName');
  const functionArn =
    str(response, 'functionArn') ??
    (isArn(name) ? name : name ? `arn:${partitionOf(event.region)}:lambda:${event.region}:${event.accountId}:function:${name}` : undefined);
  return functionArn ? [edge(keyArn, resource(functionArn, 'lambda-function'), event.eventName)] : [];
}

/**
 * EBS CreateVolume: the key that encrypts the volume. The response's kmsKeyId is the key ARN (also when the account's
 * default EBS key was used); a request may name the key by id or alias only.
 */
function ec2Usage(event: NormalizedEvent): UsageChange[] {
  const request = requestOf(event);
  const response = responseOf(event);
  const volumeId = str(response, 'volumeId');
  const keyArn = [str(response, 'kmsKeyId'), str(request, 'kmsKeyId')].find(isKmsKeyArn);
  if (!volumeId || !keyArn) return [];
  const volumeArn = `arn:${partitionOf(event.region)}:ec2:${event.region}:${event.accountId}:volume/${volumeId}`;
  return [edge(keyArn, resource(volumeArn, 'ebs-volume'), event.eventName)];
}

export function mapConfigurationUsage(event: NormalizedEvent): MapResult {
  switch (event.eventSource) {
    case 'apigateway.amazonaws.com':
      return changes(apiGatewayUsage(event));
    case 'elasticloadbalancing.amazonaws.com':
      return changes(elbUsage(event));
    case 'cloudfront.amazonaws.com':
      return changes(cloudFrontUsage(event));
    case 'lambda.amazonaws.com':
      return changes(lambdaUsage(event));
    case 'ec2.amazonaws.com':
      return changes(ec2Usage(event));
    default:
      return { kind: 'unsupported' };
  }
}
