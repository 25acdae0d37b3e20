import type { ResourceType } from '../inventory/asset';

/**
 * The resource type of an ARN found in ACM InUseBy (load balancers, CloudFront distributions, API Gateway domain
 * names, …), spelled as usage edges spell it (lambdas/events/mappers/usage.ts builds the same ARNs).
 * ARN formats: https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
export function resourceTypeOfArn(arn: string): ResourceType {
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  switch (service) {
    case 'cloudfront':
      return resource.startsWith('distribution/') ? 'cloudfront-distribution' : 'other';
    case 'elasticloadbalancing':
      return resource.startsWith('loadbalancer/') ? 'load-balancer' : 'other';
    case 'apigateway':
      return resource.startsWith('/domainnames/') ? 'apigateway-domain' : 'other';
    case 'lambda':
      return resource.startsWith('function:') ? 'lambda-function' : 'other';
    case 'ec2':
      if (resource.startsWith('instance/')) return 'ec2-instance';
      return resource.startsWith('volume/') ? 'ebs-volume' : 'other';
    case 'iam':
      if (resource.startsWith('role/')) return 'iam-role';
      return resource.startsWith('user/') ? 'iam-user' : 'other';
    default:
      return 'other';
  }
}

/**
 * Resources that terminate TLS for clients on a network: CloudFront distributions and API Gateway custom domain
 * names are public endpoints; a load balancer's scheme (internet-facing or internal) is not in the inventory, so a
 * load balancer using a certificate or key is counted as exposed rather than assumed internal.
 */
const EXPOSED_TYPES: ReadonlySet<ResourceType> = new Set(['cloudfront-distribution', 'apigateway-domain', 'load-balancer']);

export function isNetworkExposed(type: ResourceType): boolean {
  return EXPOSED_TYPES.has(type);
}
