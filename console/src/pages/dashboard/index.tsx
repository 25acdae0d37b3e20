import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { useAccounts } from '../../common/aws-hooks';
import { RequestError } from '../../common/request-error';
import { followInApp } from '../../common/router';
import { COUNT_LIMIT, TYPE_QUERIES, useCounts, useFindingsSummary } from './hooks';
import { AssetsByType } from './widgets/assets-by-type';
import { ExpiryTimeline } from './widgets/expiry-timeline';
import { FindingsBySeverity } from './widgets/findings-by-severity';
import { QuantumShare } from './widgets/quantum-share';

const HALF = { colspan: { default: 12, s: 6 } };

/** Home: the estate at a glance: findings by severity, certificate expiry and quantum exposure (GET /findings/summary), assets by type, accounts. */
export default function DashboardPage() {
  const accounts = useAccounts();
  const byType = useCounts(TYPE_QUERIES);
  const summary = useFindingsSummary();
  const linked = accounts.data?.items.filter((a) => a.status === 'LINKED');

  const fromSummary = (title: string, render: (s: NonNullable<typeof summary.data>) => ReactNode) =>
    summary.data ? (
      render(summary.data)
    ) : (
      <Container header={<Header variant="h2">{title}</Header>}>
        {summary.isError ? (
          <RequestError what="the findings summary" error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <StatusIndicator type="loading">Counting</StatusIndicator>
        )}
      </Container>
    );

  return (
    <ContentLayout header={<Header variant="h1" description="Cryptographic assets and findings across your connected accounts.">Dashboard</Header>}>
      <Grid gridDefinition={[HALF, HALF, HALF, HALF, { colspan: 12 }, { colspan: 12 }]}>
        {fromSummary('Open findings by severity', (s) => <FindingsBySeverity summary={s} />)}
        {fromSummary('Quantum-vulnerable', (s) => <QuantumShare quantum={s.quantumVulnerable} />)}
        {fromSummary('Certificate expiry', (s) => <ExpiryTimeline expiry={s.certificateExpiry} />)}
        <AssetsByType counts={byType} />
        <Container header={<Header variant="h2">Accounts</Header>}>
          {accounts.isError ? (
            <RequestError what="the accounts" error={accounts.error} onRetry={() => void accounts.refetch()} />
          ) : !linked ? (
            <StatusIndicator type="loading">Loading</StatusIndicator>
          ) : linked.length === 0 ? (
            <Alert type="info">
              No AWS account is connected yet. Go to{' '}
              <Link href="/data-sources" onFollow={followInApp}>
                Data sources
              </Link>
              .
            </Alert>
          ) : (
            <ul aria-label="Connected accounts">
              {linked.map((a) => (
                <li key={a.accountId}>
                  <Link href={`/data-sources/aws/accounts/${a.accountId}`} onFollow={followInApp}>
                    {a.accountId}
                  </Link>{' '}
                  {a.runningIngestionId ? '(ingesting) ' : ''}
                  {a.healthStatus === 'fail' && <StatusIndicator type="error">A region is failing: see Troubleshooting</StatusIndicator>}
                  {a.healthStatus === 'warn' && <StatusIndicator type="warning">A region needs attention</StatusIndicator>}
                </li>
              ))}
            </ul>
          )}
        </Container>
        <Box color="text-body-secondary" fontSize="body-s">
          Assets by type counts one page of up to {COUNT_LIMIT.toLocaleString('en-US')} assets per type; “≥” marks a lower bound. The other numbers are counted by the API.
        </Box>
      </Grid>
    </ContentLayout>
  );
}
