import type { AwsJsonOperations } from './local-aws-endpoint';
import { epochSeconds } from './local-aws-endpoint';
import type { LocalStepFunctions } from './local-step-functions';

/**
 * StartExecution and DescribeExecution as the SFN SDK client calls them.
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html
 */
export function sfnOperations(stepFunctions: LocalStepFunctions): AwsJsonOperations {
  return {
    'AWSStepFunctions.StartExecution': (request) => {
      const { executionArn, startDate } = stepFunctions.startExecution({
        stateMachineArn: request.stateMachineArn as string | undefined,
        name: request.name as string | undefined,
        input: request.input as string | undefined,
      });
      return { executionArn, startDate: epochSeconds(startDate) };
    },
    'AWSStepFunctions.DescribeExecution': (request) => {
      const e = stepFunctions.describeExecution({ executionArn: request.executionArn as string | undefined });
      return { ...e, startDate: epochSeconds(e.startDate), stopDate: epochSeconds(e.stopDate) };
    },
  };
}
