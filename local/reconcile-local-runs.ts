import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoIngestionStore } from '../lambdas/control/dynamo-ingestion-store';
import { documentClient } from '../lambdas/shared/dynamo';
import { type ReconcileResult, reconcileInterruptedRuns } from '../lambdas/ingestion/reconcile-interrupted-runs';

/**
 * At start-up, before the API answers: local executions live in the process, so every run a previous process left
 * RUNNING (killed, or stopped mid-crawl) has no execution any more. Each is closed FAILED ("interrupted") and its
 * account's lock released (lambdas/ingestion/reconcile-interrupted-runs.ts).
 */
export async function reconcileLocalRuns(input: { readonly dynamoEndpoint: string; readonly controlTable: string }): Promise<ReconcileResult> {
  const client = new DynamoDBClient({
    endpoint: input.dynamoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 10,
  });
  const ingestions = new DynamoIngestionStore(documentClient(client), input.controlTable);
  try {
    return await reconcileInterruptedRuns({
      listOpenRuns: () => ingestions.listOpenIngestions(),
      isExecutionLive: async () => false, // this process has started no execution yet
      abandonRun: (run) => ingestions.abandonIngestion(run),
      now: () => new Date(),
    });
  } finally {
    client.destroy();
  }
}
