import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client';
import type { PipelineHealth, PipelineHealthCheckRun } from '../../api/types';
import { ACCOUNTS_PATH } from '../../common/aws-hooks';
import { formatDate } from '../../common/format';
import { useNotify } from '../../common/notifications';
import { useIsAdmin } from '../../common/permissions';
import { RequestError, errorText } from '../../common/request-error';

type Status = PipelineHealth['status'];
const STATUS: Record<Status, StatusIndicatorProps.Type> = { pass: 'success', warn: 'warning', fail: 'error', unknown: 'info' };
const LABEL: Record<Status, string> = { pass: 'Pass', warn: 'Warning', fail: 'Fail', unknown: 'Unknown' };
const CHECK: Record<PipelineHealth['regions'][number]['checks'][number]['check'], string> = {
  rule: 'EventBridge rule',
  target: 'Rule target',
  destination: 'API destination',
  connection: 'Connection',
  delivery: 'Delivery',
};

const status = (s: Status) => <StatusIndicator type={STATUS[s]}>{LABEL[s]}</StatusIndicator>;

const POLL_MS = 2000;

/**
 * POST …/health-checks answers the result, or 202 with a run while the checks take longer: then the run is polled
 * until it ends.
 */
async function runChecks(path: string): Promise<PipelineHealth> {
  let answer = await apiRequest<PipelineHealth | PipelineHealthCheckRun>('POST', `${path}/health-checks`, { body: {} });
  while ('runId' in answer) {
    if (answer.status === 'SUCCEEDED' && answer.report) return answer.report;
    if (answer.status === 'FAILED') throw new Error(answer.error ?? 'The checks failed');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    answer = await apiGet<PipelineHealthCheckRun>(`${path}/health-checks/${answer.runId}`);
  }
  return answer;
}

/** Troubleshooting: each region's event pipeline, check by check, with what was observed and the remedy; Run checks now. */
export function Troubleshooting({ accountId }: { accountId: string }) {
  const isAdmin = useIsAdmin();
  const notify = useNotify();
  const client = useQueryClient();
  const path = `${ACCOUNTS_PATH}/${accountId}`;
  const health = useQuery({ queryKey: ['accounts', accountId, 'health'], queryFn: ({ signal }) => apiGet<PipelineHealth>(`${path}/health`, { signal }) });
  const run = useMutation({
    mutationFn: () => runChecks(path),
    onSuccess: (report) => {
      client.setQueryData(['accounts', accountId, 'health'], report);
      notify({ type: report.status === 'pass' ? 'success' : 'warning', header: 'Checks finished', content: `The event pipeline of account ${accountId}: ${LABEL[report.status]}.` });
    },
    onError: (err) => notify({ type: 'error', header: 'Could not run the checks', content: errorText(err) }),
  });
  const report = health.data;
  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description={report?.checkedAt ? `Checked ${formatDate(report.checkedAt)}` : 'Not checked yet.'}
            actions={isAdmin && <Button onClick={() => run.mutate()} loading={run.isPending}>Run checks now</Button>}
          >
            Event pipeline health
          </Header>
        }
      >
        {health.isPending ? (
          <StatusIndicator type="loading">Loading health</StatusIndicator>
        ) : health.isError ? (
          <RequestError what="the pipeline health" error={health.error} onRetry={() => void health.refetch()} />
        ) : (
          report && <Box>Overall: {status(report.status)}</Box>
        )}
      </Container>
      {report?.regions.map((r) => (
        <Table
          key={r.region}
          header={
            <Header
              variant="h3"
              description={`${r.role === 'primary' ? 'Primary region' : 'Forwards to the primary region'}; last event ${formatDate(r.lastEventAt)}; template ${r.templateVersion ?? '-'}; drift ${r.drift ? `${r.drift.created} created, ${r.drift.updated} updated, ${r.drift.deleted} deleted` : '-'}`}
            >
              {r.region}: {LABEL[r.status]}
            </Header>
          }
          items={r.checks}
          trackBy="check"
          wrapLines
          columnDefinitions={[
            { id: 'check', header: 'Check', cell: (c) => CHECK[c.check], minWidth: 140 },
            { id: 'status', header: 'Status', cell: (c) => status(c.status), minWidth: 120 },
            { id: 'observed', header: 'Observed', cell: (c) => c.observed },
            { id: 'remedy', header: 'Remedy', cell: (c) => (c.status === 'pass' ? '-' : c.remedy) },
          ]}
        />
      ))}
    </SpaceBetween>
  );
}
