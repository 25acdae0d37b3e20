import Box from '@cloudscape-design/components/box';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { IngestionDetails } from '../../api/types';

type Part = IngestionDetails['ingestion']['parts'][number];

const PART_STATUS: Record<Part['status'], StatusIndicatorProps.Type> = { SUCCEEDED: 'success', NOT_ENABLED: 'stopped', FAILED: 'error' };

/** One row per (region, service) of an ingestion: finished parts as they finish, the rest still running. */
export function IngestionProgress({ ingestion, loading }: { ingestion?: IngestionDetails['ingestion']; loading: boolean }) {
  const parts = [...(ingestion?.parts ?? [])].sort((a, b) => `${a.region}/${a.service}`.localeCompare(`${b.region}/${b.service}`));
  const services = 4;
  const expected = (ingestion?.regions.length ?? 0) * services;
  return (
    <Table
      variant="embedded"
      loading={loading}
      loadingText="Loading progress"
      items={parts}
      trackBy={(p) => `${p.region}/${p.service}`}
      header={
        ingestion && (
          <Box variant="h3">
            {parts.length} of {expected} region and service crawls finished
          </Box>
        )
      }
      empty={<Box textAlign="center">{ingestion?.status === 'RUNNING' ? 'No crawl has finished yet.' : 'No crawl results.'}</Box>}
      columnDefinitions={[
        { id: 'region', header: 'Region', cell: (p) => p.region },
        { id: 'service', header: 'Service', cell: (p) => p.service },
        {
          id: 'status',
          header: 'Status',
          cell: (p) => <StatusIndicator type={PART_STATUS[p.status]}>{p.status === 'NOT_ENABLED' ? 'Region not enabled' : p.status === 'SUCCEEDED' ? 'Succeeded' : 'Failed'}</StatusIndicator>,
        },
        { id: 'assets', header: 'Assets', cell: (p) => p.counts?.assets ?? '-' },
        { id: 'error', header: 'Error', cell: (p) => (p.error ? `${p.error.code}: ${p.error.message}` : '-') },
      ]}
    />
  );
}
