import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import type { Finding } from '../../api/types';
import { BlastRadiusTable, FindingStatusIndicator, SeverityBadge } from '../../common/finding-parts';
import { formatDate } from '../../common/format';
import { useNotify } from '../../common/notifications';
import { useIsAdmin } from '../../common/permissions';
import type { PageProps } from '../../common/routes';
import { RequestError, errorText } from '../../common/request-error';
import { followInApp } from '../../common/router';
import { useFinding, useSuppression } from './hooks';
import { SuppressModal } from './suppress-modal';

const evidenceValue = (v: unknown): string => (v === null || v === undefined ? '-' : Array.isArray(v) ? v.join(', ') || '-' : String(v));

/** One finding: what was observed, what breaks with it, how to fix it, which controls it maps to; Suppress (admin). */
export default function FindingPage({ params }: PageProps) {
  const isAdmin = useIsAdmin();
  const notify = useNotify();
  const query = useFinding(params.findingId);
  const suppression = useSuppression(params.findingId);
  const [suppressing, setSuppressing] = useState(false);
  const finding = query.data?.finding;
  if (query.isPending) return <StatusIndicator type="loading">Loading finding</StatusIndicator>;
  if (query.isError || !finding) return <RequestError what={`finding ${params.findingId}`} error={query.error} onRetry={() => void query.refetch()} />;

  const lift = () =>
    suppression.mutate(null, {
      onSuccess: () => notify({ type: 'success', header: 'Suppression lifted', content: `${finding.title} is open again.` }),
      onError: (err) => notify({ type: 'error', header: 'Could not lift the suppression', content: errorText(err) }),
    });
  const actions = isAdmin && (
    <SpaceBetween direction="horizontal" size="xs">
      {finding.status === 'open' && (
        <Button variant="primary" onClick={() => (suppression.reset(), setSuppressing(true))}>
          Suppress
        </Button>
      )}
      {finding.status === 'suppressed' && (
        <Button loading={suppression.isPending} onClick={lift}>
          Lift suppression
        </Button>
      )}
    </SpaceBetween>
  );

  return (
    <ContentLayout header={<Header variant="h1" description={finding.asset.arn} actions={actions}>{finding.title}</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Summary</Header>}>
          <KeyValuePairs columns={4} items={summaryItems(finding)} />
        </Container>
        {finding.suppression && (
          <Container header={<Header variant="h2">Suppression</Header>}>
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Reason', value: finding.suppression.reason },
                { label: 'By', value: finding.suppression.by },
                { label: 'At', value: formatDate(finding.suppression.at) },
                { label: 'Expires', value: finding.suppression.expiresAt ? formatDate(finding.suppression.expiresAt) : 'Never' },
              ]}
            />
          </Container>
        )}
        <Container header={<Header variant="h2" description="What the rule observed on the asset.">Evidence</Header>}>
          {Object.keys(finding.evidence).length === 0 ? (
            <Box color="text-body-secondary">The rule recorded no values.</Box>
          ) : (
            <KeyValuePairs columns={3} items={Object.entries(finding.evidence).map(([label, v]) => ({ label, value: evidenceValue(v) }))} />
          )}
        </Container>
        <BlastRadiusTable entries={finding.blastRadius} total={finding.blastRadiusTotal} />
        <Container header={<Header variant="h2">Remediation</Header>}>
          <SpaceBetween size="xs">
            <Box variant="p">{finding.remediation.text}</Box>
            <Link href={finding.remediation.url} external>
              How to do it (AWS documentation)
            </Link>
          </SpaceBetween>
        </Container>
        <Table
          header={<Header variant="h2" counter={`(${finding.compliance.length})`}>Compliance references</Header>}
          items={finding.compliance}
          trackBy={(c) => `${c.framework}/${c.control}`}
          empty={<Box textAlign="center">This rule maps to no framework control.</Box>}
          columnDefinitions={[
            { id: 'framework', header: 'Framework', cell: (c) => c.framework, isRowHeader: true },
            { id: 'control', header: 'Control', cell: (c) => c.control },
          ]}
        />
      </SpaceBetween>
      {suppressing && (
        <SuppressModal
          visible
          pending={suppression.isPending}
          error={suppression.error}
          onDismiss={() => setSuppressing(false)}
          onSubmit={(body) =>
            suppression.mutate(body, {
              onSuccess: () => {
                setSuppressing(false);
                notify({ type: 'success', header: 'Finding suppressed', content: `${finding.title} on ${finding.asset.name} is suppressed.` });
              },
            })
          }
        />
      )}
    </ContentLayout>
  );
}

function summaryItems(f: Finding) {
  return [
    { label: 'Severity', value: <SeverityBadge severity={f.severity} /> },
    { label: 'Status', value: <FindingStatusIndicator status={f.status} /> },
    { label: 'Due', value: formatDate(f.dueAt) },
    { label: 'Rule', value: f.ruleId },
    {
      label: 'Asset',
      value: (
        <Link href={`/inventory/${f.asset.assetId}`} onFollow={followInApp}>
          {f.asset.name}
        </Link>
      ),
    },
    { label: 'Type', value: f.asset.type },
    { label: 'Account', value: f.asset.accountId },
    { label: 'Region', value: f.asset.region },
    { label: 'First seen', value: formatDate(f.firstSeenAt) },
    { label: 'Last seen', value: formatDate(f.lastSeenAt) },
    ...(f.resolvedAt ? [{ label: 'Resolved', value: formatDate(f.resolvedAt) }] : []),
    { label: 'Rule catalogue', value: f.catalogueVersion },
  ];
}
