import { walkPages } from '../../../lambdas/discovery/page-walker';

describe('walkPages', () => {
  const pages: Record<string, { items: number[]; next?: string }> = {
    first: { items: [1, 2], next: 'p2' },
    p2: { items: [3, 4], next: 'p3' },
    p3: { items: [5] },
  };

  it('fetches the next page while the current page is handled, and handles every item once, in order', async () => {
    const log: string[] = [];
    const end = await walkPages<number>({
      start: { skip: 0 },
      fetchPage: async (token) => {
        log.push(`fetch ${token ?? 'first'}`);
        return pages[token ?? 'first']!;
      },
      handle: async (item) => {
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`item ${item}`);
      },
      concurrency: 1,
      shouldYield: () => false,
    });
    expect(end).toBeUndefined();
    expect(log).toEqual(['fetch first', 'fetch p2', 'item 1', 'item 2', 'fetch p3', 'item 3', 'item 4', 'item 5']);
  });

  it('a failed prefetch fails the walk when its page is needed', async () => {
    await expect(
      walkPages<number>({
        start: { skip: 0 },
        fetchPage: async (token) => {
          if (token === 'p2') throw new Error('ThrottlingException');
          return pages[token ?? 'first']!;
        },
        handle: async () => undefined,
        concurrency: 1,
        shouldYield: () => false,
      }),
    ).rejects.toThrow('ThrottlingException');
  });

  it('yields at an item boundary with the position of the current page', async () => {
    let handled = 0;
    const position = await walkPages<number>({
      start: { skip: 0 },
      fetchPage: async (token) => pages[token ?? 'first']!,
      handle: async () => {
        handled++;
      },
      concurrency: 1,
      shouldYield: () => handled >= 3,
    });
    expect(position).toEqual({ page: 'p2', skip: 1 });
  });
});
