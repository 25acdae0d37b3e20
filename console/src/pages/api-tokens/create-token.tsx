import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiRequest } from '../../api/client';
import type { CreateTokenBody, CreatedToken, Permission } from '../../api/types';
import { errorText } from '../../common/request-error';

const PERMISSION_TEXT: Record<Permission, string> = {
  admin: 'Admin: everything, including connecting accounts and managing tokens',
  reader: 'Reader: read the inventory and the accounts',
  uploader: 'Uploader: only post events (the token for the template’s AQGAPIKeyParameter)',
};
const EXPIRY = [
  { value: '', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
];

/** Create a token; its secret is shown once, with a copy button, and never again. */
export function CreateToken({ initial, onClose }: { initial: readonly Permission[]; onClose: () => void }) {
  const client = useQueryClient();
  const [name, setName] = useState(initial.includes('uploader') ? 'eventbridge-uploader' : '');
  const [permissions, setPermissions] = useState<readonly Permission[]>(initial);
  const [expiry, setExpiry] = useState(EXPIRY[0]);
  const [created, setCreated] = useState<CreatedToken>();
  const create = useMutation({
    mutationFn: () => {
      const body: CreateTokenBody = { name: name.trim(), permissions: [...permissions] };
      if (expiry.value) body.expiresAt = new Date(Date.now() + Number(expiry.value) * 86_400_000).toISOString();
      return apiRequest<CreatedToken>('POST', '/tokens', { body });
    },
    onSuccess: (t) => {
      setCreated(t);
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const nameProblem = name.trim() === '' ? 'Enter a name that says where the token is used.' : name.trim().length > 128 ? 'At most 128 characters.' : undefined;

  if (created) {
    return (
      <Alert type="success" header={`Token ${created.token.name} created`} action={<Button onClick={onClose}>Done</Button>}>
        <SpaceBetween size="s">
          <Box>Copy the secret now: it is shown only once and cannot be retrieved later.</Box>
          <CopyToClipboard variant="inline" textToCopy={created.secret} copyButtonAriaLabel="Copy the token secret" copySuccessText="Secret copied" copyErrorText="Could not copy the secret" />
        </SpaceBetween>
      </Alert>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!nameProblem && permissions.length) create.mutate();
      }}
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" formAction="submit" loading={create.isPending}>
              Create token
            </Button>
          </SpaceBetween>
        }
        errorText={create.isError ? errorText(create.error) : undefined}
        errorIconAriaLabel="Error"
      >
        <Container header={<Header variant="h2">Create token</Header>}>
          <SpaceBetween size="m">
            <FormField label="Name" errorText={name !== '' || create.isError ? nameProblem : undefined}>
              <Input value={name} onChange={(e) => setName(e.detail.value)} ariaLabel="Name" />
            </FormField>
            <FormField label="Permissions" errorText={permissions.length ? undefined : 'Choose at least one permission.'}>
              <SpaceBetween size="xxs">
                {(Object.keys(PERMISSION_TEXT) as Permission[]).map((p) => (
                  <Checkbox
                    key={p}
                    checked={permissions.includes(p)}
                    onChange={(e) => setPermissions((all) => (e.detail.checked ? [...all, p] : all.filter((x) => x !== p)))}
                  >
                    {PERMISSION_TEXT[p]}
                  </Checkbox>
                ))}
              </SpaceBetween>
            </FormField>
            <FormField label="Expires">
              <Select selectedOption={expiry} onChange={(e) => setExpiry(EXPIRY.find((o) => o.value === e.detail.selectedOption.value) ?? EXPIRY[0])} options={EXPIRY} ariaLabel="Expires" />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}
