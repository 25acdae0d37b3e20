import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../api/client';
import type { AccountDetailsResponse, AccountList, IngestionDetails, StartedIngestion } from '../api/types';

export const ACCOUNTS_PATH = '/data-sources/aws/accounts';

export function useAccounts() {
  return useQuery({ queryKey: ['accounts'], queryFn: ({ signal }) => apiGet<AccountList>(ACCOUNTS_PATH, { signal }) });
}

/** Polls every 2 s while an ingestion runs, so progress is live; stops when it ends. */
export function useAccountDetails(accountId: string) {
  return useQuery({
    queryKey: ['accounts', accountId],
    queryFn: ({ signal }) => apiGet<AccountDetailsResponse>(`${ACCOUNTS_PATH}/${accountId}`, { signal }),
    refetchInterval: (q) => (q.state.data?.account.runningIngestionId ? 2000 : false),
  });
}

export function useIngestion(accountId: string, ingestionId: string | undefined, running: boolean) {
  return useQuery({
    // `running` in the key: when the run ends, the final state is fetched once more instead of keeping the last poll.
    queryKey: ['ingestions', accountId, ingestionId, running],
    enabled: ingestionId !== undefined,
    queryFn: ({ signal }) => apiGet<IngestionDetails>(`${ACCOUNTS_PATH}/${accountId}/ingestions/${ingestionId}`, { signal }),
    refetchInterval: running ? 2000 : false,
  });
}

/** "Start now": POST …/ingestions (202; 409 when one is already running, with the API's reason). */
export function useStartIngestion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) => apiRequest<StartedIngestion>('POST', `${ACCOUNTS_PATH}/${accountId}/ingestions`),
    onSettled: async (_d, _e, accountId) => {
      await client.invalidateQueries({ queryKey: ['accounts', accountId] });
      await client.invalidateQueries({ queryKey: ['ingestion-history', accountId] });
    },
  });
}
