/**
 * AllowedPatterns of the customer template parameters that the backend fills in per tenant. They are shared by the
 * template (CloudFormation rejects a wrong value at deploy) and, through the synthesized template's AllowedPattern,
 * by `customizeTemplateForTenant` in lambdas/api/customize-template.ts (the backend rejects it before serving the file), so both sides agree. Written in the subset of regex syntax that CloudFormation's
 * AllowedPattern (Java) and JavaScript read the same way; each is anchored.
 */

/** STS ExternalId: 2–1224 characters of `[\w+=,.@:\/-]` (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html). */
export const EXTERNAL_ID_PATTERN = '^[\\w+=,.@:\\/-]{2,1224}$';

/** The platform principal: an account root, role or user ARN in any partition (paths allowed for roles and users). */
export const PLATFORM_PRINCIPAL_PATTERN = '^arn:aws[a-z-]*:iam::\\d{12}:(root|role/[\\w+=,.@/-]+|user/[\\w+=,.@/-]+)$';

/** The events endpoint: an HTTPS URL with a dotted host name (API destinations accept HTTPS only). */
export const EVENTS_ENDPOINT_PATTERN = '^https://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:\\d{1,5})?(/[^\\s]*)?$';

/** The AQtive Guard API token (`aqg_<tokenId>_<secret>`); EventBridge accepts 1–512 characters. */
export const API_KEY_PATTERN = '^aqg_[A-Za-z0-9_-]+$';
