import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { useAccountDetails, useIngestion, useStartIngestion } from '../../common/aws-hooks';
import { formatDate } from '../../common/format';
import { useNotify } from '../../common/notifications';
import { useIsAdmin } from '../../common/permissions';
import type { PageProps } from '../../common/routes';
import { RequestError, errorText } from '../../common/request-error';
import { EditAccount } from './edit-account';
import { IngestionHistory } from './ingestion-history';
import { IngestionProgress } from './ingestion-progress';
import { RUN_LABEL, RUN_STATUS } from './run-status';
import { Troubleshooting } from './troubleshooting';


/** Details of one connected AWS account: its connection, the last ingestion (live while it runs), Start now and Edit. */
export default function AccountDetailsPage({ params }: PageProps) {
  const accountId = params.accountId;
  const isAdmin = useIsAdmin();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const details = useAccountDetails(accountId);
  const account = details.data?.account;
  const ingestionId = account?.runningIngestionId ?? account?.lastIngestionId;
  const running = account?.runningIngestionId !== undefined;
  const ingestion = useIngestion(accountId, ingestionId, running);
  const start = useStartIngestion();
  const last = ingestion.data?.ingestion ?? account?.lastIngestion;

  const actions = isAdmin && account && !editing && (
    <SpaceBetween direction="horizontal" size="xs">
      <Button onClick={() => setEditing(true)}>Edit</Button>
      <Button
        variant="primary"
        loading={start.isPending}
        disabled={running}
        onClick={() =>
          start.mutate(accountId, {
            onSuccess: (r) => notify({ type: 'success', header: 'Ingestion started', content: `Ingestion ${r.ingestionId} is running for account ${accountId}.` }),
            onError: (err) => notify({ type: 'error', header: 'Could not start the ingestion', content: errorText(err) }),
          })
        }
      >
        Start now
      </Button>
    </SpaceBetween>
  );

  return (
    <ContentLayout header={<Header variant="h1" actions={actions}>{`AWS account ${accountId}`}</Header>}>
      <SpaceBetween size="l">
        {details.isPending ? (
          <StatusIndicator type="loading">Loading account</StatusIndicator>
        ) : details.isError ? (
          <RequestError what={`account ${accountId}`} error={details.error} onRetry={() => void details.refetch()} />
        ) : editing && account ? (
          <EditAccount account={account} onDone={() => setEditing(false)} />
        ) : (
          account && (
            <Tabs
              ariaLabel="Account views"
              tabs={[
                {
                  id: 'details',
                  label: 'Details',
                  content: (
            <SpaceBetween size="l">
              <Container header={<Header variant="h2">Details</Header>}>
                <KeyValuePairs
                  columns={3}
                  items={[
                    { label: 'Account', value: account.accountId },
                    { label: 'Role ARN', value: account.roleArn },
                    { label: 'Linked since', value: formatDate(account.linkedAt) },
                    { label: 'Regions', value: account.regions ? account.regions.join(', ') : 'Every commercial region' },
                    { label: 'Status', value: account.status === 'LINKED' ? <StatusIndicator type="success">Connected</StatusIndicator> : <StatusIndicator type="stopped">Unlinked</StatusIndicator> },
                    {
                      label: 'Events',
                      value: Object.keys(account.eventStats).length ? Object.entries(account.eventStats).map(([k, v]) => `${k}: ${v}`).join(', ') : 'None received yet',
                    },
                  ]}
                />
              </Container>
              <Container
                header={
                  <Header variant="h2" description={last ? `Started ${formatDate(last.startedAt)}${last.finishedAt ? `, finished ${formatDate(last.finishedAt)}` : ''}` : undefined}>
                    Last ingestion
                  </Header>
                }
              >
                {!last ? (
                  <Box color="text-body-secondary">{isAdmin ? 'No ingestion yet. Select Start now.' : 'No ingestion yet.'}</Box>
                ) : (
                  <SpaceBetween size="m">
                    <KeyValuePairs
                      columns={3}
                      items={[
                        { label: 'Status', value: <StatusIndicator type={RUN_STATUS[last.status]}>{RUN_LABEL[last.status]}</StatusIndicator> },
                        { label: 'Assets read', value: String(last.counts?.assets ?? (last.status === 'RUNNING' ? 'counting…' : 0)) },
                        { label: 'Errors', value: String(last.errors?.length ?? 0) },
                      ]}
                    />
                    {ingestion.isError ? (
                      <RequestError what="the ingestion's progress" error={ingestion.error} onRetry={() => void ingestion.refetch()} />
                    ) : (
                      <IngestionProgress ingestion={ingestion.data?.ingestion} loading={ingestion.isPending} />
                    )}
                  </SpaceBetween>
                )}
              </Container>
              <Table
                header={<Header variant="h2" description="The last event and template version seen from each region.">Regions</Header>}
                items={account.health}
                trackBy="region"
                empty={<Box textAlign="center">No event received from any region yet.</Box>}
                columnDefinitions={[
                  { id: 'region', header: 'Region', cell: (h) => h.region },
                  { id: 'lastEventAt', header: 'Last event', cell: (h) => formatDate(h.lastEventAt) },
                  { id: 'templateVersion', header: 'Template version', cell: (h) => h.templateVersion ?? '-' },
                ]}
              />
              <IngestionHistory accountId={accountId} latest={ingestionId} running={running} />
            </SpaceBetween>
                  ),
                },
                { id: 'troubleshooting', label: 'Troubleshooting', content: <Troubleshooting accountId={accountId} /> },
              ]}
            />
          )
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
