import Pagination from '@cloudscape-design/components/pagination';
import { useState } from 'react';

/** What the pagination needs of a page query (react-query's result). */
interface PageQuery {
  readonly data?: { readonly nextCursor?: string | null } | undefined;
  readonly isPlaceholderData: boolean;
}

/**
 * Paging over an API cursor: only the pages visited are known, so the page count is open-ended. `cursor` is the one
 * to request for the page shown; `pagination(page)` renders Cloudscape's Pagination for that page's answer.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const [pageIndex, setPageIndex] = useState(0);
  return {
    cursor: cursors[pageIndex],
    pageIndex,
    pagination(page: PageQuery) {
      const nextCursor = page.data?.nextCursor ?? null;
      // The cursors known so far, the page shown's next one included: derived while rendering (no second render of
      // the table when a page arrives).
      const known = nextCursor && !page.isPlaceholderData && cursors.length === pageIndex + 1 ? [...cursors, nextCursor] : cursors;
      return (
        <Pagination
          currentPageIndex={pageIndex + 1}
          pagesCount={known.length}
          openEnd={nextCursor !== null}
          onChange={(e) => {
            setCursors(known);
            setPageIndex(e.detail.currentPageIndex - 1);
          }}
        />
      );
    },
  };
}
