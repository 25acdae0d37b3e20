import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import type { FindingsPage, RuleCatalogue } from '../../api/types';
import { findingsApiQuery } from '../../common/findings-filter';

/** One page of GET /v1/findings (most urgent first) for the filter in the URL, at a cursor: never more than one page. */
export function useFindingsPage(filter: string, cursor: string | undefined, limit: number) {
  return useQuery({
    queryKey: ['findings', filter, cursor ?? '', limit],
    queryFn: ({ signal }) => apiGet<FindingsPage>('/findings', { query: findingsApiQuery(new URLSearchParams(filter), { limit, cursor }), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The rule catalogue, for the Rule filter's suggestions (it changes only with a deployment). */
export function useRules() {
  return useQuery({ queryKey: ['findings-rules'], queryFn: ({ signal }) => apiGet<RuleCatalogue>('/findings/rules', { signal }), staleTime: Infinity });
}
