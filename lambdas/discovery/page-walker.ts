import { z } from 'zod';

/**
 * Walks a paginated listing and handles its items with bounded concurrency, stopping at an item boundary when the
 * caller asks to yield. Position = (token that fetched the current page, items of that page already handled): the
 * page is listed again on resume and the handled prefix skipped, so a CONTINUE never loses or repeats an item.
 * Pages are walked by hand rather than with the SDK paginators because the paginators expose neither the token of
 * the current page (needed to resume mid-page) nor, for KMS, the documented `Truncated` loop condition (the
 * generated KMS paginators stop on a missing `NextMarker`).
 */
export interface PagePosition {
  readonly page?: string;
  readonly skip: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Token for the next page; undefined = last page. */
  readonly next?: string;
}

export interface WalkOptions<T> {
  readonly start: PagePosition;
  readonly fetchPage: (token: string | undefined) => Promise<Page<T>>;
  readonly handle: (item: T) => Promise<void>;
  readonly concurrency: number;
  readonly shouldYield: () => boolean;
}

/**
 * Returns undefined when the listing is finished, or where to resume. Always makes progress before yielding.
 * The next page is fetched while the current page's items are handled, so the list API's limiter and the per-item
 * APIs' limiters are busy at the same time instead of the per-item calls idling at every page boundary (a yield
 * mid-listing wastes that one prefetched page).
 */
export async function walkPages<T>(options: WalkOptions<T>): Promise<PagePosition | undefined> {
  let token = options.start.page;
  let skip = options.start.skip;
  let progressed = false;
  let prefetched: Promise<Page<T>> | undefined;
  for (;;) {
    if (progressed && options.shouldYield()) return { page: token, skip };
    const page = await (prefetched ?? options.fetchPage(token));
    const nextPage = page.next !== undefined ? options.fetchPage(page.next) : undefined;
    nextPage?.catch(() => undefined); // a failure surfaces where the page is awaited, or not at all if never used
    const todo = page.items.slice(skip);
    const handled = await runInOrder(todo, options.concurrency, () => progressed && options.shouldYield(), async (item) => {
      await options.handle(item);
    }, () => (progressed = true));
    progressed = true;
    if (handled < todo.length) return { page: token, skip: skip + handled };
    if (page.next === undefined) return undefined;
    token = page.next;
    skip = 0;
    prefetched = nextPage;
  }
}

/**
 * Starts items in order, at most `concurrency` at a time; once `stop()` is true no new item starts. Returns how many
 * items were started (all of them finished): always a prefix of `items`.
 */
export async function runInOrder<T>(
  items: readonly T[],
  concurrency: number,
  stop: () => boolean,
  fn: (item: T) => Promise<void>,
  onStart: () => void = () => undefined,
): Promise<number> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < items.length && failure === undefined && !stop()) {
      const item = items[next++]!;
      onStart();
      try {
        await fn(item);
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  if (failure !== undefined) throw failure;
  return next;
}

const tokenSchema = z.object({ v: z.literal(1), service: z.string(), page: z.string().optional(), skip: z.number().int().min(0) });

export class ContinuationTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContinuationTokenError';
  }
}

/** Opaque continuation token: base64url JSON of the page position (no credentials, small enough for SFN state). */
export function encodeContinuation(service: string, position: PagePosition): string {
  return Buffer.from(JSON.stringify({ v: 1, service, ...position })).toString('base64url');
}

export function decodeContinuation(service: string, token: string | undefined): PagePosition {
  if (!token) return { skip: 0 };
  let parsed: z.infer<typeof tokenSchema>;
  try {
    parsed = tokenSchema.parse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
  } catch {
    throw new ContinuationTokenError('continuation token is not one this engine issued');
  }
  if (parsed.service !== service) throw new ContinuationTokenError(`continuation token is for ${parsed.service}, not ${service}`);
  return { ...(parsed.page !== undefined ? { page: parsed.page } : {}), skip: parsed.skip };
}
