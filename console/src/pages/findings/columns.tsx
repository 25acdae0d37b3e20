import Link from '@cloudscape-design/components/link';
import type { TableProps } from '@cloudscape-design/components/table';
import type { Finding } from '../../api/types';
import { FindingStatusIndicator, SeverityBadge } from '../../common/finding-parts';
import { formatDay } from '../../common/format';
import { followInApp } from '../../common/router';

export const findingHref = (f: Pick<Finding, 'findingId'>) => `/findings/${f.findingId}`;

/** The API's order is the table's: severity, then due date (no client-side re-sorting of one page). */
export const COLUMNS: TableProps.ColumnDefinition<Finding>[] = [
  { id: 'severity', header: 'Severity', cell: (f) => <SeverityBadge severity={f.severity} />, width: 110 },
  {
    id: 'title',
    header: 'Finding',
    cell: (f) => (
      <Link href={findingHref(f)} onFollow={followInApp}>
        {f.title}
      </Link>
    ),
    isRowHeader: true,
    width: 280,
  },
  { id: 'asset', header: 'Asset', cell: (f) => `${f.asset.name} (${f.asset.type})`, width: 240 },
  { id: 'status', header: 'Status', cell: (f) => <FindingStatusIndicator status={f.status} />, width: 120 },
  { id: 'dueAt', header: 'Due', cell: (f) => formatDay(f.dueAt), width: 130 },
  { id: 'blastRadius', header: 'Blast radius', cell: (f) => f.blastRadiusTotal },
  { id: 'ruleId', header: 'Rule', cell: (f) => f.ruleId },
  { id: 'region', header: 'Region', cell: (f) => f.asset.region },
  { id: 'accountId', header: 'Account', cell: (f) => f.asset.accountId },
];

export const DEFAULT_VISIBLE = ['severity', 'title', 'asset', 'status', 'dueAt', 'blastRadius'];
