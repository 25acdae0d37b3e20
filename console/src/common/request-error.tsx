import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { ApiError } from '../api/api-error';

/** A failed request, said plainly (what failed and why) with a retry: never a blank page. */
export function RequestError({ what, error, onRetry }: { what: string; error: unknown; onRetry?: () => void }) {
  const reason = error instanceof ApiError ? `${error.description} (HTTP ${error.status})` : error instanceof Error ? error.message : String(error);
  return (
    <Alert type="error" header={`Could not load ${what}`} action={onRetry && <Button onClick={onRetry}>Retry</Button>}>
      {reason}
    </Alert>
  );
}

export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.description : error instanceof Error ? error.message : String(error);
}
