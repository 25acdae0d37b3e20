import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { TableProps } from '@cloudscape-design/components/table';
import type { Asset } from '../../api/types';
import { formatDay, quantumLabel } from '../../common/format';
import { followInApp } from '../../common/router';

export function algorithmOf(a: Asset): string {
  const { algorithm, curve } = a.crypto;
  return curve && !algorithm.includes(curve) ? `${algorithm} (${curve})` : algorithm;
}

export function QuantumStatus({ value }: { value: boolean | null | undefined }) {
  return <StatusIndicator type={value === true ? 'warning' : value === false ? 'success' : 'info'}>{quantumLabel(value)}</StatusIndicator>;
}

export const COLUMNS: TableProps.ColumnDefinition<Asset>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (a) => (
      <Link href={`/inventory/${a.id}`} onFollow={followInApp}>
        {a.name}
      </Link>
    ),
    sortingField: 'name',
    isRowHeader: true,
    minWidth: 220,
  },
  { id: 'source', header: 'Source', cell: (a) => a.source },
  { id: 'type', header: 'Type', cell: (a) => a.type, sortingField: 'type' },
  { id: 'algorithm', header: 'Algorithm', cell: algorithmOf, sortingComparator: (x, y) => algorithmOf(x).localeCompare(algorithmOf(y)) },
  { id: 'keySize', header: 'Key size', cell: (a) => a.crypto.keySize ?? '-', sortingComparator: (x, y) => (x.crypto.keySize ?? 0) - (y.crypto.keySize ?? 0) },
  {
    id: 'quantumVulnerable',
    header: 'Quantum vulnerability',
    cell: (a) => <QuantumStatus value={a.crypto.quantumVulnerable} />,
  },
  {
    id: 'expiry',
    header: 'Expiry',
    cell: (a) => formatDay(a.lifecycle.notAfter),
    sortingComparator: (x, y) => (x.lifecycle.notAfter ?? '\uffff').localeCompare(y.lifecycle.notAfter ?? '\uffff'),
  },
  { id: 'region', header: 'Region', cell: (a) => a.region, sortingField: 'region' },
  { id: 'accountId', header: 'Account', cell: (a) => a.accountId, sortingField: 'accountId', minWidth: 140 },
  {
    id: 'tags',
    header: 'Tags',
    cell: (a) =>
      Object.entries(a.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ') || '-',
  },
];

export const DEFAULT_VISIBLE = ['name', 'type', 'algorithm', 'keySize', 'quantumVulnerable', 'expiry', 'region', 'accountId'];
