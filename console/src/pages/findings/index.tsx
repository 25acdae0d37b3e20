import Box from '@cloudscape-design/components/box';
import CollectionPreferences, { type CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useCursorPages } from '../../common/cursor-pages';
import { findingsFilterToParams, findingsParamsToFilter } from '../../common/findings-filter';
import { FilterError } from '../../common/inventory-filter';
import { RequestError } from '../../common/request-error';
import { navigate, useLocation } from '../../common/router';
import { COLUMNS, DEFAULT_VISIBLE } from './columns';
import { FILTERING_PROPERTIES, filteringOptions } from './filter-options';
import { useFindingsPage, useRules } from './hooks';

const PAGE_SIZE = 50;
const COLUMNS_KEY = 'aqg.findings.columns';

function loadColumns(): CollectionPreferencesProps.ContentDisplayItem[] {
  try {
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as CollectionPreferencesProps.ContentDisplayItem[] | null;
    if (Array.isArray(saved)) return saved;
  } catch {
    // A damaged saved value: the defaults.
  }
  return COLUMNS.map((c) => ({ id: c.id!, visible: DEFAULT_VISIBLE.includes(c.id!) }));
}

/**
 * Findings, most urgent first (severity, then due date: the API's order). The filter lives in the URL (a view can be
 * shared); paging follows the API's cursor, so only the pages visited are known.
 */
export default function FindingsPage() {
  const { search } = useLocation();
  // A new filter starts again at the first page (a cursor belongs to one query).
  return <FindingsTable key={search.toString()} search={search} />;
}

function FindingsTable({ search }: { search: URLSearchParams }) {
  const filter = search.toString();
  const pages = useCursorPages();
  const [filterError, setFilterError] = useState<string>();
  const rules = useRules();
  const [columns, setColumns] = useState(loadColumns);
  const page = useFindingsPage(filter, pages.cursor, PAGE_SIZE);

  const onFilterChange = (next: PropertyFilterProps.Query) => {
    try {
      const params = findingsFilterToParams(next);
      setFilterError(undefined);
      navigate(`/findings${params.size ? `?${params}` : ''}`, { replace: true });
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
      setFilterError(err.message);
    }
  };

  return (
    <SpaceBetween size="m">
      {page.isError && <RequestError what="the findings" error={page.error} onRetry={() => void page.refetch()} />}
      <Table
        variant="full-page"
        items={page.data?.items ?? []}
        columnDefinitions={COLUMNS}
        columnDisplay={columns}
        trackBy="findingId"
        loading={page.isPending || (page.isFetching && page.isPlaceholderData)}
        loadingText="Loading findings"
        resizableColumns
        wrapLines
        stickyHeader
        ariaLabels={{ tableLabel: 'Findings' }}
        header={
          <Header variant="awsui-h1-sticky" description="What to fix in connected accounts, most urgent first: by severity, then due date.">
            Findings
          </Header>
        }
        filter={
          <SpaceBetween size="xs">
            <PropertyFilter
              query={findingsParamsToFilter(search) as PropertyFilterProps.Query}
              onChange={(e) => onFilterChange(e.detail)}
              filteringProperties={FILTERING_PROPERTIES}
              filteringOptions={filteringOptions(rules.data)}
              filteringPlaceholder="Filter by rule, severity, status, account, region or profile"
              filteringAriaLabel="Filter findings"
              hideOperations
              expandToViewport
            />
            {filterError && (
              <div role="alert">
                <Box color="text-status-error">{filterError}</Box>
              </div>
            )}
          </SpaceBetween>
        }
        empty={
          <Box textAlign="center" padding="l">
            <b>No findings</b>
            <Box variant="p" color="inherit">
              {filter ? 'No finding matches this filter.' : 'Nothing to fix in the connected accounts, or no ingestion has run yet.'}
            </Box>
          </Box>
        }
        preferences={
          <CollectionPreferences
            title="Preferences"
            confirmLabel="Confirm"
            cancelLabel="Cancel"
            preferences={{ contentDisplay: columns }}
            onConfirm={(e) => {
              const next = e.detail.contentDisplay ?? columns;
              setColumns([...next]);
              localStorage.setItem(COLUMNS_KEY, JSON.stringify(next));
            }}
            contentDisplayPreference={{ title: 'Columns', options: COLUMNS.map((c) => ({ id: c.id!, label: String(c.header), alwaysVisible: c.id === 'title' })) }}
          />
        }
        pagination={pages.pagination(page)}
      />
    </SpaceBetween>
  );
}
