/**
 * Names that the customer template, the backend and the local runtime must agree on. Customer-facing names are
 * the ones in the AQtive Guard customer documentation: never rename them.
 */
export const CUSTOMER_ROLE_NAME = 'AQtiveGuardReadOnlyAccessRole';
export const EVENTS_RULE_NAME = 'AQtiveGuardFilteredEventsRule';
export const CONNECTION_NAME = 'AQGAWSConnectionKey';
export const API_DESTINATION_NAME = 'AQGAWSDestinationApiRoute';

/** Header that carries our API token, on every API route and on the EventBridge connection. */
export const API_KEY_HEADER = 'X-API-Key';
/** Invocation header the customer's connection adds to every delivery: the template version of that region. */
export const TEMPLATE_VERSION_HEADER = 'X-AQG-Template-Version';

/** API stage; every route lives under /v1. */
export const API_STAGE = 'v1';
export const EVENTS_PATH = '/data-sources/aws/events';

/** The customer template's parameters (logical ids). The backend fills the last three when serving a tenant's copy. */
export const TEMPLATE_PARAMETERS = {
  apiKey: 'AQGAPIKeyParameter',
  primaryRegion: 'PrimaryRegion',
  forwardUsageEvents: 'ForwardUsageEvents',
  invocationRate: 'ApiDestinationInvocationRateLimit',
  eventsEndpoint: 'AQGEventsEndpointUrl',
  platformPrincipal: 'AQGPlatformPrincipalArn',
  externalId: 'AQGExternalId',
} as const;

/** Session name the platform uses when it assumes the customer role (visible to the customer in CloudTrail). */
export const ROLE_SESSION_NAME = 'AQtiveGuardInventory';
