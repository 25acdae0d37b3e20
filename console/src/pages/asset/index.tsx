import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { AssetDetails } from '../../api/types';
import { BlastRadiusTable, SeverityBadge } from '../../common/finding-parts';
import { formatDate, formatDay } from '../../common/format';
import type { PageProps } from '../../common/routes';
import { RequestError } from '../../common/request-error';
import { followInApp } from '../../common/router';
import { QuantumStatus, algorithmOf } from '../inventory/columns';

const yesNo = (v: boolean | null | undefined) => (v === true ? 'Yes' : v === false ? 'No' : 'Unknown');

/** One asset: every property, its open findings and blast radius, tags, what uses it, the key it uses, and its change history. */
export default function AssetPage({ params }: PageProps) {
  const details = useQuery({
    queryKey: ['asset', params.assetId],
    queryFn: ({ signal }) => apiGet<AssetDetails>(`/inventory/${encodeURIComponent(params.assetId)}`, { signal }),
  });
  const asset = details.data?.asset;
  if (details.isPending) return <StatusIndicator type="loading">Loading asset</StatusIndicator>;
  if (details.isError || !asset) {
    return (
      <SpaceBetween size="m">
        <RequestError what={`asset ${params.assetId}`} error={details.error} onRetry={() => void details.refetch()} />
      </SpaceBetween>
    );
  }
  const { usages, history, findings } = details.data;
  // Every rule evaluates the same blast radius for an asset (lambdas/findings/evaluate-asset.ts): the latest one is shown.
  const radius = [...findings].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))[0];
  const rotation = asset.lifecycle.rotation;
  const keyArn = asset.relations.kmsKeyArn;
  return (
    <ContentLayout header={<Header variant="h1" description={asset.arn}>{asset.name}</Header>}>
      <SpaceBetween size="l">
        {asset.deleted && <StatusIndicator type="stopped">Deleted {formatDate(asset.deletedAt)}</StatusIndicator>}
        <Container header={<Header variant="h2">Properties</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              { label: 'Source', value: asset.source },
              { label: 'Type', value: asset.secure ? `${asset.type} (SecureString)` : asset.type },
              { label: 'Account', value: asset.accountId },
              { label: 'Region', value: asset.region },
              { label: 'Algorithm', value: algorithmOf(asset) },
              { label: 'Key size', value: asset.crypto.keySize ? `${asset.crypto.keySize} bits` : '-' },
              { label: 'Signature algorithm', value: asset.crypto.signatureAlgorithm ?? '-' },
              { label: 'Key usage', value: asset.crypto.keyUsage?.join(', ') || '-' },
              { label: 'Quantum vulnerability', value: <QuantumStatus value={asset.crypto.quantumVulnerable} /> },
              { label: 'Classical security', value: asset.crypto.classicalSecurityBits ? `${asset.crypto.classicalSecurityBits} bits` : '-' },
              { label: 'State', value: asset.lifecycle.state },
              { label: 'Created', value: formatDate(asset.lifecycle.createdAt) },
              { label: 'Valid from', value: formatDate(asset.lifecycle.notBefore) },
              { label: 'Expires', value: formatDate(asset.lifecycle.notAfter) },
              {
                label: 'Rotation',
                value: !rotation || !rotation.applicable ? 'Not applicable' : `${yesNo(rotation.enabled)}${rotation.periodDays ? `, every ${rotation.periodDays} days` : ''}`,
              },
              {
                label: 'KMS key',
                value: keyArn ? (
                  <Link href={`/inventory?q=${encodeURIComponent(keyArn)}`} onFollow={followInApp}>
                    {keyArn}
                  </Link>
                ) : (
                  asset.relations.kmsKeyRef ?? '-'
                ),
              },
              { label: 'First seen', value: formatDate(asset.firstSeen) },
              { label: 'Last seen', value: formatDate(asset.lastSeen) },
            ]}
          />
        </Container>
        <Table
          header={
            <Header variant="h2" counter={`(${findings.length})`} description="Most urgent first.">
              Open findings
            </Header>
          }
          items={findings}
          trackBy="findingId"
          empty={<Box textAlign="center">No open finding: nothing to fix on this asset.</Box>}
          columnDefinitions={[
            { id: 'severity', header: 'Severity', cell: (f) => <SeverityBadge severity={f.severity} /> },
            {
              id: 'title',
              header: 'Finding',
              cell: (f) => (
                <Link href={`/findings/${f.findingId}`} onFollow={followInApp}>
                  {f.title}
                </Link>
              ),
              isRowHeader: true,
            },
            { id: 'due', header: 'Due', cell: (f) => formatDay(f.dueAt) },
            { id: 'rule', header: 'Rule', cell: (f) => f.ruleId },
          ]}
        />
        {radius && <BlastRadiusTable entries={radius.blastRadius} total={radius.blastRadiusTotal} />}
        <Table
          header={<Header variant="h2" counter={`(${Object.keys(asset.tags).length})`}>Tags</Header>}
          items={Object.entries(asset.tags).map(([key, value]) => ({ key, value }))}
          trackBy="key"
          empty={<Box textAlign="center">No tags.</Box>}
          columnDefinitions={[
            { id: 'key', header: 'Key', cell: (t) => t.key, isRowHeader: true },
            { id: 'value', header: 'Value', cell: (t) => t.value },
          ]}
        />
        <Table
          header={
            <Header variant="h2" counter={`(${usages.length + asset.relations.inUseBy.length})`} description="Resources seen using this asset (CloudTrail usage events) and those AWS lists as its users (InUseBy).">
              Usage
            </Header>
          }
          items={[
            ...usages.map((u) => ({ resource: u.resourceArn, kind: u.resourceType, via: u.via, count: String(u.count), lastUsed: formatDate(u.lastSeen) })),
            ...asset.relations.inUseBy.map((r) => ({ resource: r, kind: 'InUseBy', via: '-', count: '-', lastUsed: '-' })),
          ]}
          trackBy={(u) => `${u.kind}/${u.resource}/${u.via}`}
          empty={<Box textAlign="center">Nothing is known to use this asset.</Box>}
          columnDefinitions={[
            { id: 'resource', header: 'Resource', cell: (u) => u.resource, isRowHeader: true },
            { id: 'kind', header: 'Kind', cell: (u) => u.kind },
            { id: 'via', header: 'Via', cell: (u) => u.via },
            { id: 'count', header: 'Calls', cell: (u) => u.count },
            { id: 'lastUsed', header: 'Last used', cell: (u) => u.lastUsed },
          ]}
        />
        <Table
          header={<Header variant="h2" counter={`(${history.length})`}>Change history</Header>}
          items={history}
          trackBy="eventId"
          empty={<Box textAlign="center">No change recorded.</Box>}
          columnDefinitions={[
            { id: 'at', header: 'When', cell: (h) => formatDate(h.at), isRowHeader: true },
            { id: 'who', header: 'Who', cell: (h) => h.who },
            { id: 'event', header: 'Event', cell: (h) => `${h.eventName} (${h.eventId})` },
            { id: 'changes', header: 'What changed', cell: (h) => h.changes.map((c) => `${c.op} ${c.path}${c.applied ? '' : ' (older, not applied)'}`).join('; ') || '-' },
          ]}
        />
      </SpaceBetween>
    </ContentLayout>
  );
}
