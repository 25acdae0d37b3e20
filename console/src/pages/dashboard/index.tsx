import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useMemo } from 'react';
import { useAccounts } from '../../common/aws-hooks';
import { type BoundedCount, expiryBuckets } from '../../common/bounded-count';
import { RequestError } from '../../common/request-error';
import { followInApp } from '../../common/router';
import { COUNT_LIMIT, TYPE_QUERIES, useCount, useCounts } from './hooks';
import { AssetsByType } from './widgets/assets-by-type';
import { ExpiryTimeline } from './widgets/expiry-timeline';
import { QuantumShare } from './widgets/quantum-share';

/** Home: the estate at a glance, from bounded API reads (one page per number). Findings widgets join when the API has them. */
export default function DashboardPage() {
  const accounts = useAccounts();
  const byType = useCounts(TYPE_QUERIES);
  const vulnerable = useCount({ quantumVulnerable: 'true' });
  const buckets = useMemo(() => expiryBuckets(new Date()), []);
  const expiry = useCounts(buckets.map((b): Record<string, string> => (b.before ? { type: 'certificate', expiresBefore: b.before } : { type: 'certificate' })));
  const total: BoundedCount | undefined = byType.every((c) => c.data)
    ? { count: byType.reduce((n, c) => n + c.data!.count, 0), atLeast: byType.some((c) => c.data!.atLeast) }
    : undefined;
  const linked = accounts.data?.items.filter((a) => a.status === 'LINKED');

  return (
    <ContentLayout header={<Header variant="h1" description="Cryptographic assets across your connected accounts.">Dashboard</Header>}>
      <Grid gridDefinition={[{ colspan: 12 }, { colspan: { default: 12, s: 6 } }, { colspan: { default: 12, s: 6 } }, { colspan: { default: 12, s: 8 } }, { colspan: { default: 12, s: 4 } }]}>
        <Box color="text-body-secondary" fontSize="body-s">
          Each number is read from one page of up to {COUNT_LIMIT.toLocaleString('en-US')} assets; “≥” marks a lower bound. Assets by algorithm need a summary the API does not
          provide yet: filter the{' '}
          <Link href="/inventory" onFollow={followInApp}>
            Inventory
          </Link>{' '}
          instead.
        </Box>
        <AssetsByType counts={byType} />
        <QuantumShare vulnerable={vulnerable} total={total} />
        <ExpiryTimeline labels={buckets.map((b) => b.label)} cumulative={expiry} />
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
                  {a.runningIngestionId ? '(ingesting)' : ''}
                </li>
              ))}
            </ul>
          )}
        </Container>
      </Grid>
    </ContentLayout>
  );
}
