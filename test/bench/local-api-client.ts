/** Minimal client of the local runtime's HTTP API, as a customer's scripts would call it. */

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 300)}`);
    this.name = 'ApiCallError';
  }
}

export async function apiJson<T>(url: string, token: string, init: { method?: string; body?: unknown } = {}, what = url): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'x-api-key': token, 'content-type': 'application/json' },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiCallError(res.status, text, what);
  return JSON.parse(text) as T;
}

export interface IngestionView {
  readonly ingestionId: string;
  readonly status: 'RUNNING' | 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly counts?: Record<string, number>;
  readonly errors?: unknown[];
  readonly parts?: { readonly region: string; readonly service: string; readonly status: string; readonly finishedAt: string }[];
}

/** Links the sandbox account with `startNow=true`; returns the ingestion id. */
export async function linkAccount(baseUrl: string, adminToken: string, roleArn: string, regions: readonly string[]): Promise<string> {
  const body = await apiJson<{ ingestion?: { ingestionId: string } }>(
    `${baseUrl}/data-sources/aws/accounts?startNow=true`,
    adminToken,
    { method: 'POST', body: { roleArn, regions } },
    'POST /data-sources/aws/accounts',
  );
  if (!body.ingestion) throw new Error('Linking the account started no ingestion');
  return body.ingestion.ingestionId;
}

/** Polls GET …/ingestions/{id} every `intervalMs` until it is no longer RUNNING. */
export async function waitForIngestion(baseUrl: string, token: string, accountId: string, ingestionId: string, intervalMs = 250, timeoutMs = 20 * 60_000): Promise<IngestionView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { ingestion } = await apiJson<{ ingestion: IngestionView }>(`${baseUrl}/data-sources/aws/accounts/${accountId}/ingestions/${ingestionId}`, token);
    if (ingestion.status !== 'RUNNING') return ingestion;
    if (Date.now() > deadline) throw new Error(`Ingestion ${ingestionId} still RUNNING after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
