import { API_DESTINATION_NAME, CONNECTION_NAME, EVENTS_RULE_NAME } from '../shared/protocol';

/**
 * The EventBridge resources a data source's checks look at. The template creates them under fixed names; a custom
 * setup may name its own (set with PATCH on the account). The role the template creates may describe only the fixed
 * names (lib/customer-template/role-actions.ts), so custom names need the customer to widen that policy.
 */
export interface PipelineNames {
  readonly rule: string;
  readonly apiDestination: string;
  readonly connection: string;
}

export const TEMPLATE_PIPELINE_NAMES: PipelineNames = {
  rule: EVENTS_RULE_NAME,
  apiDestination: API_DESTINATION_NAME,
  connection: CONNECTION_NAME,
};

export function pipelineNamesOf(custom: Partial<PipelineNames> | undefined): PipelineNames {
  return { ...TEMPLATE_PIPELINE_NAMES, ...custom };
}
