/**
 * AWS commercial regions, maintained by hand: the customer role has no region-listing permission
 * (account:ListRegions / ec2:DescribeRegions are deliberately not granted), so "all regions" means this list.
 * `optIn` regions were launched after 2019-03-20 and are disabled until the account owner enables them
 * (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
 */
export interface RegionInfo {
  readonly name: string;
  readonly optIn: boolean;
  /** EventBridge API destinations are available (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html). */
  readonly apiDestinations: boolean;
}

export const COMMERCIAL_REGIONS: readonly RegionInfo[] = [
  { name: 'us-east-1', optIn: false, apiDestinations: true },
  { name: 'us-east-2', optIn: false, apiDestinations: true },
  { name: 'us-west-1', optIn: false, apiDestinations: true },
  { name: 'us-west-2', optIn: false, apiDestinations: true },
  { name: 'af-south-1', optIn: true, apiDestinations: true },
  { name: 'ap-east-1', optIn: true, apiDestinations: true },
  { name: 'ap-east-2', optIn: true, apiDestinations: false },
  { name: 'ap-south-1', optIn: false, apiDestinations: true },
  { name: 'ap-south-2', optIn: true, apiDestinations: true },
  { name: 'ap-southeast-1', optIn: false, apiDestinations: true },
  { name: 'ap-southeast-2', optIn: false, apiDestinations: true },
  { name: 'ap-southeast-3', optIn: true, apiDestinations: true },
  { name: 'ap-southeast-4', optIn: true, apiDestinations: false },
  { name: 'ap-southeast-5', optIn: true, apiDestinations: false },
  { name: 'ap-southeast-6', optIn: true, apiDestinations: false },
  { name: 'ap-southeast-7', optIn: true, apiDestinations: false },
  { name: 'ap-northeast-1', optIn: false, apiDestinations: true },
  { name: 'ap-northeast-2', optIn: false, apiDestinations: true },
  { name: 'ap-northeast-3', optIn: false, apiDestinations: true },
  { name: 'ca-central-1', optIn: false, apiDestinations: true },
  { name: 'ca-west-1', optIn: true, apiDestinations: false },
  { name: 'eu-central-1', optIn: false, apiDestinations: true },
  { name: 'eu-central-2', optIn: true, apiDestinations: true },
  { name: 'eu-west-1', optIn: false, apiDestinations: true },
  { name: 'eu-west-2', optIn: false, apiDestinations: true },
  { name: 'eu-west-3', optIn: false, apiDestinations: true },
  { name: 'eu-north-1', optIn: false, apiDestinations: true },
  { name: 'eu-south-1', optIn: true, apiDestinations: true },
  { name: 'eu-south-2', optIn: true, apiDestinations: true },
  { name: 'il-central-1', optIn: true, apiDestinations: false },
  { name: 'me-central-1', optIn: true, apiDestinations: true },
  { name: 'me-south-1', optIn: true, apiDestinations: true },
  { name: 'mx-central-1', optIn: true, apiDestinations: false },
  { name: 'sa-east-1', optIn: false, apiDestinations: true },
];

export const COMMERCIAL_REGION_NAMES: readonly string[] = COMMERCIAL_REGIONS.map((r) => r.name);

export const API_DESTINATION_REGION_NAMES: readonly string[] = COMMERCIAL_REGIONS.filter((r) => r.apiDestinations).map(
  (r) => r.name,
);

/** Region used for the first STS call that proves the credentials work (enabled in every account). */
export const DEFAULT_PROBE_REGION = 'us-east-1';

export function isCommercialRegion(name: string): boolean {
  return COMMERCIAL_REGION_NAMES.includes(name);
}
