import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiRequest } from '../../api/client';
import type { Permission, Token, TokenList } from '../../api/types';
import { formatDate } from '../../common/format';
import { useNotify } from '../../common/notifications';
import { RequestError, errorText } from '../../common/request-error';
import { navigate, useLocation } from '../../common/router';
import { CreateToken } from './create-token';

function tokenStatus(t: Token) {
  if (t.revokedAt) return <StatusIndicator type="stopped">Revoked</StatusIndicator>;
  if (t.expiresAt && Date.parse(t.expiresAt) <= Date.now()) return <StatusIndicator type="stopped">Expired</StatusIndicator>;
  return <StatusIndicator type="success">Active</StatusIndicator>;
}

/** API tokens (admin): create, list, revoke with confirmation. `?create=uploader` opens the form for an Uploader token. */
export default function ApiTokensPage() {
  const notify = useNotify();
  const client = useQueryClient();
  const { search } = useLocation();
  const createFor = search.get('create');
  const [revoking, setRevoking] = useState<Token>();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: ({ signal }) => apiGet<TokenList>('/tokens', { signal }) });
  const revoke = useMutation({
    mutationFn: (t: Token) => apiRequest('DELETE', `/tokens/${t.tokenId}`),
    onSuccess: (_r, t) => {
      setRevoking(undefined);
      void client.invalidateQueries({ queryKey: ['tokens'] });
      notify({ type: 'success', content: `Token ${t.name} was revoked.` });
    },
  });
  const initial: Permission[] = createFor === 'uploader' || createFor === 'reader' || createFor === 'admin' ? [createFor] : ['reader'];

  return (
    <SpaceBetween size="l">
      {createFor !== null && <CreateToken initial={initial} onClose={() => navigate('/tokens', { replace: true })} />}
      {tokens.isError ? (
        <RequestError what="the API tokens" error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table
          variant="full-page"
          header={
            <Header
              variant="h1"
              counter={tokens.data ? `(${tokens.data.items.length})` : undefined}
              description="Tokens are sent as the X-API-Key header. Secrets are shown once, at creation."
              actions={
                <Button variant="primary" disabled={createFor !== null} onClick={() => navigate('/tokens?create=reader', { replace: true })}>
                  Create token
                </Button>
              }
            >
              API tokens
            </Header>
          }
          loading={tokens.isPending}
          loadingText="Loading tokens"
          items={tokens.data?.items ?? []}
          trackBy="tokenId"
          empty={<Box textAlign="center">No tokens.</Box>}
          columnDefinitions={[
            { id: 'name', header: 'Name', cell: (t) => t.name, isRowHeader: true },
            { id: 'permissions', header: 'Permissions', cell: (t) => t.permissions.join(', ') },
            { id: 'status', header: 'Status', cell: tokenStatus },
            { id: 'createdAt', header: 'Created', cell: (t) => formatDate(t.createdAt) },
            { id: 'expiresAt', header: 'Expires', cell: (t) => (t.expiresAt ? formatDate(t.expiresAt) : 'Never') },
            {
              id: 'actions',
              header: 'Actions',
              cell: (t) =>
                !t.revokedAt && (
                  <Button variant="inline-link" onClick={() => setRevoking(t)} ariaLabel={`Revoke ${t.name}`}>
                    Revoke
                  </Button>
                ),
            },
          ]}
        />
      )}
      <Modal
        visible={revoking !== undefined}
        onDismiss={() => setRevoking(undefined)}
        header="Revoke token?"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setRevoking(undefined)}>
                Cancel
              </Button>
              <Button variant="primary" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking)}>
                Revoke
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="s">
          <Box variant="p">
            {revoking?.name} stops working. Anything that sends it (an EventBridge connection, a script) will be refused. This cannot be undone.
          </Box>
          {revoke.isError && <Box color="text-status-error">{errorText(revoke.error)}</Box>}
        </SpaceBetween>
      </Modal>
    </SpaceBetween>
  );
}
