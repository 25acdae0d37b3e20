/** A small HTTP client of the platform API for the demo and the end-to-end tests (real HTTP, real status codes). */
export class ApiCallError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ApiCallError';
  }
}

export interface ApiResponse<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export class LocalApiClient {
  constructor(
    /** Base URL including the stage, e.g. `http://127.0.0.1:3000/v1`. */
    private readonly baseUrl: string,
    private readonly token?: string,
  ) {}

  as(token: string): LocalApiClient {
    return new LocalApiClient(this.baseUrl, token);
  }

  /** Any status; the body parsed as JSON when it is JSON. */
  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(this.token ? { 'X-API-Key': this.token } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** Throws ApiCallError unless the status is one of `expected`. */
  async call<T = unknown>(method: string, path: string, body?: unknown, expected: readonly number[] = [200]): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (!expected.includes(res.status)) throw new ApiCallError(method, path, res.status, res.body);
    return res.body;
  }

  /** Every asset of the inventory, following `nextCursor`. */
  async inventory<A = Record<string, unknown>>(query: Record<string, string> = {}): Promise<A[]> {
    const items: A[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: '1000', ...(cursor ? { cursor } : {}) });
      const page: { items: A[]; nextCursor: string | null } = await this.call('GET', `/inventory?${params.toString()}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }
}
