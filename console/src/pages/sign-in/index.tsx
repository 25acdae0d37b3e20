import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { ApiError } from '../../api/api-error';
import { apiGet } from '../../api/client';
import { writeSession } from '../../api/session';
import type { Permission } from '../../api/types';

/**
 * Which permissions a token has, found by asking the API (it has no "who am I" route): reading accounts needs reader,
 * listing tokens needs admin. A 401 is a token the API does not know (or revoked, or expired).
 */
async function probePermissions(token: string): Promise<Permission[]> {
  try {
    await apiGet('/data-sources/aws/accounts', { token });
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) throw new Error('This token was not accepted: it is unknown, revoked or expired.');
    if (err instanceof ApiError && err.status === 403) throw new Error('This token cannot read the inventory (an uploader token is only for EventBridge). Use an admin or reader token.');
    throw err;
  }
  try {
    await apiGet('/tokens', { token });
    return ['admin', 'reader'];
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return ['reader'];
    throw err;
  }
}

export function SignIn({ reason, onSignedIn }: { reason?: string; onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (token.trim() === '') {
      setError('Paste an API token.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const permissions = await probePermissions(token.trim());
      writeSession({ token: token.trim(), permissions });
      onSignedIn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <Box padding={{ vertical: 'xxxl', horizontal: 'l' }}>
        <div style={{ maxWidth: 560, margin: '0 auto' }}>
          <SpaceBetween size="l">
            <Box variant="h1">AQtive Guard</Box>
            {reason && <Alert type="warning" header="Signed out">{reason}</Alert>}
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void submit();
              }}
            >
              <Form actions={<Button variant="primary" formAction="submit" loading={busy}>Sign in</Button>} errorText={error} errorIconAriaLabel="Error">
                <Container header={<Header variant="h2" description="Paste an admin or reader API token. It is kept only in this browser tab.">Sign in</Header>}>
                  <FormField label="API token" description="Sent to the API as the X-API-Key header.">
                    <Input type="password" value={token} onChange={(e) => setToken(e.detail.value)} ariaLabel="API token" autoFocus />
                  </FormField>
                </Container>
              </Form>
            </form>
          </SpaceBetween>
        </div>
      </Box>
    </main>
  );
}
