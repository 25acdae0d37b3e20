import type { PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import { COMMERCIAL_REGIONS } from '../../../../lambdas/shared/regions';
import type { RuleCatalogue } from '../../api/types';
import { FINDING_FILTERS } from '../../common/findings-filter';

export const FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = Object.entries(FINDING_FILTERS).map(([key, p]) => ({
  key,
  propertyLabel: p.label,
  groupValuesLabel: `${p.label} values`,
  operators: ['='],
}));

export function filteringOptions(rules: RuleCatalogue | undefined): PropertyFilterProps.FilteringOption[] {
  return [
    ...(rules?.rules ?? []).map((r) => ({ propertyKey: 'ruleId', value: r.id, label: `${r.id} (${r.title})` })),
    ...Object.entries(FINDING_FILTERS).flatMap(([key, p]) => (p.values ?? []).map((value) => ({ propertyKey: key, value }))),
    ...COMMERCIAL_REGIONS.map((r) => ({ propertyKey: 'region', value: r.name })),
  ];
}
