import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import type { IngestionDetails } from '../../api/types';

type Ingestion = IngestionDetails['ingestion'];
type Part = Ingestion['parts'][number];

/** The crawl's services (lambdas/ingestion: one Map item per region × service). */
const SERVICES = [
  { id: 'kms', label: 'KMS' },
  { id: 'acm', label: 'ACM' },
  { id: 'secretsmanager', label: 'Secrets Manager' },
  { id: 'ssm', label: 'SSM' },
] as const;

interface RegionRow {
  readonly region: string;
  readonly parts: Readonly<Record<string, Part | undefined>>;
}

function PartStatus({ part, running }: { part: Part | undefined; running: boolean }) {
  if (!part) return running ? <StatusIndicator type="in-progress">Running</StatusIndicator> : <StatusIndicator type="pending">Not run</StatusIndicator>;
  if (part.status === 'SUCCEEDED') return <StatusIndicator type="success">{`${part.counts?.assets ?? 0} ${part.counts?.assets === 1 ? 'asset' : 'assets'}`}</StatusIndicator>;
  if (part.status === 'NOT_ENABLED') return <StatusIndicator type="stopped">Not enabled</StatusIndicator>;
  return <StatusIndicator type="error">{part.error ? `${part.error.code}` : 'Failed'}</StatusIndicator>;
}

/**
 * Progress per region and service: one row per region (running crawls show as Running until their part is recorded);
 * regions the account has not enabled are summarized in one line, as they are not failures.
 */
export function IngestionProgress({ ingestion, loading }: { ingestion?: Ingestion; loading: boolean }) {
  const running = ingestion?.status === 'RUNNING';
  const byRegion = new Map<string, Record<string, Part>>();
  for (const r of ingestion?.regions ?? []) byRegion.set(r, {});
  for (const p of ingestion?.parts ?? []) byRegion.set(p.region, { ...(byRegion.get(p.region) ?? {}), [p.service]: p });
  const rows: RegionRow[] = [];
  const notEnabled: string[] = [];
  for (const [region, parts] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
    const all = SERVICES.map((s) => parts[s.id]);
    if (all.every((p) => p?.status === 'NOT_ENABLED')) notEnabled.push(region);
    else rows.push({ region, parts });
  }
  const finished = ingestion?.parts.length ?? 0;
  const errors = (ingestion?.parts ?? []).filter((p) => p.status === 'FAILED');
  return (
    <SpaceBetween size="s">
      {ingestion && (
        <Box>
          {finished} of {ingestion.regions.length * SERVICES.length} region and service crawls finished
          {notEnabled.length > 0 && `; ${notEnabled.length} regions are not enabled in this account (${notEnabled.join(', ')})`}.
        </Box>
      )}
      <Table
        variant="embedded"
        loading={loading}
        loadingText="Loading progress"
        items={rows}
        trackBy="region"
        empty={<Box textAlign="center">No region crawled.</Box>}
        ariaLabels={{ tableLabel: 'Ingestion progress by region' }}
        columnDefinitions={[
          { id: 'region', header: 'Region', cell: (r) => r.region, isRowHeader: true },
          ...SERVICES.map((s) => ({ id: s.id, header: s.label, cell: (r: RegionRow) => <PartStatus part={r.parts[s.id]} running={running} /> })),
        ]}
      />
      {errors.length > 0 && (
        <Table
          variant="embedded"
          header={<Box variant="h3">Errors</Box>}
          items={errors}
          trackBy={(p) => `${p.region}/${p.service}`}
          columnDefinitions={[
            { id: 'where', header: 'Region and service', cell: (p) => `${p.region} ${p.service}`, isRowHeader: true },
            { id: 'error', header: 'Error', cell: (p) => (p.error ? `${p.error.code}: ${p.error.message}` : 'Failed') },
          ]}
        />
      )}
    </SpaceBetween>
  );
}
