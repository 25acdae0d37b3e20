import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { COMMERCIAL_REGIONS } from '../../../../lambdas/shared/regions';
import { ASSET_TYPES, FILTER_PROPERTIES } from '../../common/inventory-filter';

export const FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = Object.entries(FILTER_PROPERTIES).map(([key, p]) => ({
  key,
  propertyLabel: p.label,
  groupValuesLabel: `${p.label} values`,
  operators: [...p.operators],
}));

export const FILTERING_OPTIONS: PropertyFilterProps.FilteringOption[] = [
  ...ASSET_TYPES.map((value) => ({ propertyKey: 'type', value })),
  ...COMMERCIAL_REGIONS.map((r) => ({ propertyKey: 'region', value: r.name })),
  { propertyKey: 'quantumVulnerable', value: 'true' },
  { propertyKey: 'quantumVulnerable', value: 'false' },
  ...['7', '30', '90', '365'].map((value) => ({ propertyKey: 'expiresWithinDays', value })),
];
