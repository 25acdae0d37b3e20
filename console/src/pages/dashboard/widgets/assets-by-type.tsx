import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import PieChart from '@cloudscape-design/components/pie-chart';
import { type BoundedCount, showCount } from '../../../common/bounded-count';
import { ASSET_TYPES } from '../../../common/inventory-filter';
import { RequestError } from '../../../common/request-error';
import type { UseQueryResult } from '@tanstack/react-query';

export function AssetsByType({ counts }: { counts: ReadonlyArray<UseQueryResult<BoundedCount>> }) {
  const failed = counts.find((c) => c.isError);
  const ready = counts.every((c) => c.data);
  const data = ASSET_TYPES.map((t, i) => ({ title: t, value: counts[i].data?.count ?? 0, text: counts[i].data ? showCount(counts[i].data) : '' }));
  return (
    <Container header={<Header variant="h2">Assets by type</Header>}>
      {failed ? (
        <RequestError what="asset counts" error={failed.error} onRetry={() => counts.forEach((c) => void c.refetch())} />
      ) : (
        <>
          <PieChart
            data={data}
            statusType={ready ? 'finished' : 'loading'}
            loadingText="Counting assets"
            variant="donut"
            hideFilter
            size="medium"
            ariaLabel="Assets by type"
            innerMetricDescription="assets"
            innerMetricValue={ready ? String(data.reduce((n, d) => n + d.value, 0)) : undefined}
            segmentDescription={(d) => `${d.title}: ${(d as (typeof data)[number]).text}`}
            empty={<Box textAlign="center">No assets yet</Box>}
          />
          <ul aria-label="Assets by type as text">
            {data.map((d) => (
              <li key={d.title}>
                {d.title}: {d.text || '…'}
              </li>
            ))}
          </ul>
        </>
      )}
    </Container>
  );
}
