import Badge from '@cloudscape-design/components/badge';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { BlastRadiusEntry, FindingStatus, Severity } from '../api/types';
import { formatDate } from './format';

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

/** Severity as Cloudscape's severity badges (colour) with the word (never colour alone). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge color={`severity-${severity}`}>{SEVERITY_LABEL[severity]}</Badge>;
}

const STATUS: Record<FindingStatus, [StatusIndicatorProps.Type, string]> = {
  open: ['warning', 'Open'],
  suppressed: ['stopped', 'Suppressed'],
  resolved: ['success', 'Resolved'],
};

export function FindingStatusIndicator({ status }: { status: FindingStatus }) {
  const [type, label] = STATUS[status];
  return <StatusIndicator type={type}>{label}</StatusIndicator>;
}

/** How a blast-radius entry is known, in words (lambdas/findings/finding.ts KnownFrom). */
export const KNOWN_FROM: Record<BlastRadiusEntry['knownFrom'], string> = {
  InUseBy: 'AWS lists it as a user (InUseBy)',
  event: 'Seen using it (CloudTrail event)',
  encrypts: 'Encrypted with it',
  replica: 'Multi-Region replica',
};

/** What breaks when the asset does: ARN, resource type, how it is known, last seen. */
export function BlastRadiusTable({ entries, total, variant }: { entries: readonly BlastRadiusEntry[]; total: number; variant?: 'container' | 'embedded' }) {
  return (
    <Table
      variant={variant}
      wrapLines
      header={
        <Header
          variant={variant === 'embedded' ? 'h3' : 'h2'}
          counter={total > entries.length ? `(${entries.length} of ${total})` : `(${total})`}
          description="Resources that use the asset, or that it protects: they break when it does."
        >
          Blast radius
        </Header>
      }
      items={[...entries]}
      trackBy={(e) => `${e.knownFrom}/${e.arn}`}
      empty={<Box textAlign="center">Nothing is known to depend on this asset.</Box>}
      columnDefinitions={[
        { id: 'arn', header: 'ARN', cell: (e) => e.arn, isRowHeader: true },
        { id: 'resourceType', header: 'Resource type', cell: (e) => e.resourceType },
        { id: 'knownFrom', header: 'How known', cell: (e) => KNOWN_FROM[e.knownFrom], minWidth: 180 },
        { id: 'lastSeenAt', header: 'Last seen', cell: (e) => (e.lastSeenAt ? formatDate(e.lastSeenAt) : 'Configuration only') },
      ]}
    />
  );
}
