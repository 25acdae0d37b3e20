import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client';
import type { FindingResponse, SuppressionBody } from '../../api/types';

export function useFinding(findingId: string) {
  return useQuery({ queryKey: ['finding', findingId], queryFn: ({ signal }) => apiGet<FindingResponse>(`/findings/${encodeURIComponent(findingId)}`, { signal }) });
}

/** Suppress (POST) or lift (DELETE) a finding's suppression; the answer is the finding as it now is. */
export function useSuppression(findingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SuppressionBody | null) =>
      apiRequest<FindingResponse>(body ? 'POST' : 'DELETE', `/findings/${encodeURIComponent(findingId)}/suppressions`, body ? { body } : {}),
    onSuccess: (response) => {
      client.setQueryData(['finding', findingId], response);
      // Lists, counts and the asset page show the finding's status too.
      void client.invalidateQueries({ queryKey: ['findings'] });
      void client.invalidateQueries({ queryKey: ['findings-summary'] });
      void client.invalidateQueries({ queryKey: ['asset', response.finding.asset.assetId] });
    },
  });
}
