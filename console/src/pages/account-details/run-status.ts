import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { Ingestion } from '../../api/types';

export const RUN_STATUS: Record<Ingestion['status'], StatusIndicatorProps.Type> = { RUNNING: 'in-progress', SUCCEEDED: 'success', PARTIAL: 'warning', FAILED: 'error' };
export const RUN_LABEL: Record<Ingestion['status'], string> = { RUNNING: 'Running', SUCCEEDED: 'Succeeded', PARTIAL: 'Partially succeeded', FAILED: 'Failed' };
