import { API_KEY_HEADER } from '../shared/protocol';
import { consolePaths } from './console-paths';
import { type CheckResult, NOTHING_TO_DO } from './health-model';
import type { Observation, ObservedConnection } from './eventbridge-observations';
import { unknownCheck } from './unknown-check';

/**
 * The connection must be AUTHORIZED. EventBridge deauthorizes an API-key connection when the endpoint answers 401 or
 * 407, or when its secret or key is gone (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection-deauthorize.html);
 * every other state (DEAUTHORIZED, AUTHORIZING, FAILED_CONNECTIVITY, DELETING, …) delivers nothing. AWS's StateReason is shown.
 */
export function connectionCheck(
  region: string,
  name: string,
  connection: Observation<ObservedConnection>,
  /** The ConnectionArn the API destination uses; undefined when the destination was not read. */
  destinationConnectionArn: string | undefined,
): CheckResult {
  const where = consolePaths.connection(region, name);
  const reauthorize =
    `${where} → Edit: Authorization type "API key", API key name ${API_KEY_HEADER}, value an AQtive Guard API token with at ` +
    `least the Uploader permission (create one in AQtive Guard → Tokens) → Update. If the stack manages it, update the stack's ` +
    'AQGAPIKeyParameter with that token instead.';
  if (connection.outcome === 'unknown') return unknownCheck('connection', 'events:DescribeConnection', `${name} in ${region}`, connection.reason);
  if (connection.outcome === 'missing') {
    return {
      check: 'connection',
      status: 'fail',
      observed: `The connection ${name} does not exist in ${region}.`,
      remedy: `Update the AQtive Guard stack in ${region} (CloudFormation recreates it) — ${consolePaths.stacks(region)}.`,
    };
  }
  const c = connection.value;
  if (destinationConnectionArn !== undefined && c.arn !== undefined && c.arn !== destinationConnectionArn) {
    return {
      check: 'connection',
      status: 'fail',
      observed: `The API destination uses the connection ${destinationConnectionArn}, not ${c.arn}.`,
      remedy: `Update the AQtive Guard stack in ${region} so the destination uses ${name}. (${consolePaths.apiDestination(region, name)})`,
    };
  }
  if (c.state === 'AUTHORIZED') {
    return { check: 'connection', status: 'pass', observed: `${name} is AUTHORIZED.`, remedy: NOTHING_TO_DO };
  }
  const reason = c.stateReason ? ` AWS says: "${c.stateReason}".` : '';
  return {
    check: 'connection',
    status: 'fail',
    observed: `${name} is ${c.state ?? 'in no state'}, not AUTHORIZED: EventBridge delivers nothing through it.${reason}`,
    remedy: c.state === 'DEAUTHORIZED' || c.state === 'DEAUTHORIZING' ? reauthorize : `Wait a few minutes and check again; if it stays ${c.state}, ${reauthorize}`,
  };
}
