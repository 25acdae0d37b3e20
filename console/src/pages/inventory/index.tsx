import Box from '@cloudscape-design/components/box';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import CollectionPreferences, { type CollectionPreferencesProps } from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useCollection } from '@cloudscape-design/collection-hooks';
import { useState } from 'react';
import { useCursorPages } from '../../common/cursor-pages';
import { apiGet } from '../../api/client';
import { saveFile } from '../../common/download';
import { FilterError, cbomUnsupportedFilters, filterToParams, paramsToFilter } from '../../common/inventory-filter';
import { DEFAULT_INVENTORY_PAGE_SIZE, INVENTORY_PREFERENCES_KEY, savedInventoryPreferences } from '../../common/inventory-query';
import { useNotify } from '../../common/notifications';
import { RequestError, errorText } from '../../common/request-error';
import { navigate, useLocation } from '../../common/router';
import { COLUMNS, DEFAULT_VISIBLE } from './columns';
import { FILTERING_OPTIONS, FILTERING_PROPERTIES } from './filter-options';
import { exportInventory, useInventoryPage } from './hooks';

const DEFAULT_PREFERENCES: CollectionPreferencesProps.Preferences = {
  pageSize: DEFAULT_INVENTORY_PAGE_SIZE,
  contentDisplay: COLUMNS.map((c) => ({ id: c.id!, visible: DEFAULT_VISIBLE.includes(c.id!) })),
};

function loadPreferences(): CollectionPreferencesProps.Preferences {
  return { ...DEFAULT_PREFERENCES, ...savedInventoryPreferences() };
}

/**
 * Inventory: the API's pages behind a Table. The filter lives in the URL (a view can be shared); paging follows the
 * API's cursor (only pages visited are known, so the page count is open-ended); sorting orders the page shown.
 */
export default function InventoryPage() {
  const { search } = useLocation();
  const [preferences, setPreferences] = useState(loadPreferences);
  // A new filter or page size starts again at the first page (a cursor belongs to one query).
  return <InventoryTable key={`${search}|${preferences.pageSize}`} search={search} preferences={preferences} setPreferences={setPreferences} />;
}

function InventoryTable({
  search,
  preferences,
  setPreferences,
}: {
  search: URLSearchParams;
  preferences: CollectionPreferencesProps.Preferences;
  setPreferences: (p: CollectionPreferencesProps.Preferences) => void;
}) {
  const notify = useNotify();
  const filter = search.toString();
  const pages = useCursorPages();
  const [filterError, setFilterError] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const pageSize = preferences.pageSize ?? DEFAULT_INVENTORY_PAGE_SIZE;

  const page = useInventoryPage(filter, pages.cursor, pageSize);

  const { items, collectionProps } = useCollection(page.data?.items ?? [], { sorting: {} });
  const query = paramsToFilter(search) as PropertyFilterProps.Query;

  const onFilterChange = (next: PropertyFilterProps.Query) => {
    try {
      const params = filterToParams(next);
      setFilterError(undefined);
      navigate(`/inventory${params.size ? `?${params}` : ''}`, { replace: true });
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
      setFilterError(err.message);
    }
  };

  const cbomBlocked = cbomUnsupportedFilters(search);
  const onExport = async (id: string) => {
    setExporting(true);
    try {
      if (id === 'json') {
        const assets = await exportInventory(filter);
        saveFile('inventory.json', `${JSON.stringify(assets, null, 2)}\n`);
      } else {
        const query = Object.fromEntries([...search].filter(([k]) => !cbomBlocked.includes(k)));
        const cbom = await apiGet<unknown>('/inventory/cbom', { query });
        saveFile('cbom.json', `${JSON.stringify(cbom, null, 2)}\n`, 'application/vnd.cyclonedx+json');
      }
    } catch (err) {
      notify({ type: 'error', header: 'Export failed', content: errorText(err) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <SpaceBetween size="m">
      {page.isError && <RequestError what="the inventory" error={page.error} onRetry={() => void page.refetch()} />}
      <Table
        {...collectionProps}
        variant="full-page"
        items={items}
        columnDefinitions={COLUMNS}
        columnDisplay={preferences.contentDisplay}
        trackBy="id"
        loading={page.isPending || (page.isFetching && page.isPlaceholderData)}
        loadingText="Loading assets"
        resizableColumns
        stickyHeader
        ariaLabels={{ tableLabel: 'Assets' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            description="Every cryptographic asset found in connected accounts. Sorting orders the page shown."
            actions={
              <ButtonDropdown
                loading={exporting}
                items={[
                  { id: 'json', text: 'JSON (current filter)' },
                  {
                    id: 'cbom',
                    text: 'CycloneDX CBOM (current filter)',
                    disabled: cbomBlocked.length > 0,
                    disabledReason: `The CBOM export filters only by type, region and account; remove ${cbomBlocked.join(', ')}.`,
                  },
                ]}
                onItemClick={(e) => void onExport(e.detail.id)}
              >
                Export
              </ButtonDropdown>
            }
          >
            Inventory
          </Header>
        }
        filter={
          <SpaceBetween size="xs">
            <PropertyFilter
              query={query}
              onChange={(e) => onFilterChange(e.detail)}
              filteringProperties={FILTERING_PROPERTIES}
              filteringOptions={FILTERING_OPTIONS}
              filteringPlaceholder="Filter by type, region, account, quantum-vulnerable, expiry, or search names and ARNs"
              filteringAriaLabel="Filter assets"
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
            <b>No assets</b>
            <Box variant="p" color="inherit">{filter ? 'No asset matches this filter.' : 'Connect an AWS account under Data sources and run an ingestion.'}</Box>
          </Box>
        }
        pagination={pages.pagination(page)}
        preferences={
          <CollectionPreferences
            title="Preferences"
            confirmLabel="Confirm"
            cancelLabel="Cancel"
            preferences={preferences}
            onConfirm={(e) => {
              setPreferences(e.detail);
              localStorage.setItem(INVENTORY_PREFERENCES_KEY, JSON.stringify(e.detail));
            }}
            pageSizePreference={{ title: 'Page size', options: [25, 50, 100, 200].map((value) => ({ value, label: `${value} assets` })) }}
            contentDisplayPreference={{ title: 'Columns', options: COLUMNS.map((c) => ({ id: c.id!, label: String(c.header), alwaysVisible: c.id === 'name' })) }}
          />
        }
      />
    </SpaceBetween>
  );
}
