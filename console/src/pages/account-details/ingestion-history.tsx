import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCursorPages } from '../../common/cursor-pages';
import { apiGet } from '../../api/client';
import type { IngestionList } from '../../api/types';
import { ACCOUNTS_PATH } from '../../common/aws-hooks';
import { formatDate, formatDuration } from '../../common/format';
import { RequestError } from '../../common/request-error';
import { RUN_LABEL, RUN_STATUS } from './run-status';

const PAGE_SIZE = 10;

/** The account's runs, newest first, over the API's cursor (GET …/ingestions); polled while one runs. */
export function IngestionHistory({ accountId, latest, running }: { accountId: string; latest: string | undefined; running: boolean }) {
  const pages = useCursorPages();
  const page = useQuery({
    // The latest run and whether it runs are in the key: a new run, and the end of one, are fetched at once (never
    // the cached list from before the run).
    queryKey: ['ingestion-history', accountId, pages.cursor ?? '', latest ?? '', running],
    queryFn: ({ signal }) =>
      apiGet<IngestionList>(`${ACCOUNTS_PATH}/${accountId}/ingestions`, { query: { limit: String(PAGE_SIZE), cursor: pages.cursor }, signal }),
    refetchInterval: running && pages.pageIndex === 0 ? 2000 : false,
    placeholderData: keepPreviousData,
  });

  return (
    <Table
      header={
        <Header variant="h2" description="Every run of this account, newest first.">
          Ingestion history
        </Header>
      }
      items={page.data?.items ?? []}
      trackBy="ingestionId"
      wrapLines
      loading={page.isPending}
      loadingText="Loading ingestion history"
      ariaLabels={{ tableLabel: 'Ingestion history' }}
      empty={
        page.isError ? (
          <RequestError what="the ingestion history" error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <Box textAlign="center">No ingestion has run yet.</Box>
        )
      }
      columnDefinitions={[
        { id: 'startedAt', header: 'Started', cell: (i) => formatDate(i.startedAt), isRowHeader: true, minWidth: 180 },
        { id: 'status', header: 'Status', cell: (i) => <StatusIndicator type={RUN_STATUS[i.status]}>{RUN_LABEL[i.status]}</StatusIndicator>, minWidth: 160 },
        { id: 'duration', header: 'Duration', cell: (i) => (i.status === 'RUNNING' ? 'Running' : formatDuration(i.startedAt, i.finishedAt)) },
        { id: 'assets', header: 'Assets read', cell: (i) => (i.counts?.assets ?? (i.status === 'RUNNING' ? '-' : 0)).toLocaleString('en-US') },
        {
          id: 'counts',
          header: 'Counts',
          cell: (i) =>
            Object.entries(i.counts ?? {})
              .filter(([k]) => k !== 'assets')
              .map(([k, v]) => `${k}: ${v.toLocaleString('en-US')}`)
              .join(', ') || '-',
        },
        {
          id: 'errors',
          header: 'Errors',
          cell: (i) =>
            i.errors?.length ? `${i.errors.length}: ${i.errors.slice(0, 2).map((e) => [e.region, e.service, e.code].filter(Boolean).join(' ')).join('; ')}${i.errors.length > 2 ? '; …' : ''}` : 'None',
        },
        { id: 'regions', header: 'Regions', cell: (i) => (i.regions.length ? i.regions.join(', ') : '-'), minWidth: 160 },
      ]}
      pagination={pages.pagination(page)}
    />
  );
}
