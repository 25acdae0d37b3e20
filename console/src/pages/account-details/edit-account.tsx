import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import Multiselect from '@cloudscape-design/components/multiselect';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COMMERCIAL_REGIONS } from '../../../../lambdas/shared/regions';
import { apiRequest } from '../../api/client';
import type { Account, PatchAccountBody } from '../../api/types';
import { ACCOUNTS_PATH } from '../../common/aws-hooks';
import { useNotify } from '../../common/notifications';
import { errorText } from '../../common/request-error';
import { roleArnProblem } from '../../common/role-arn';
import { navigate } from '../../common/router';

const REGION_OPTIONS = COMMERCIAL_REGIONS.map((r) => ({ label: r.name, value: r.name, description: r.optIn ? 'Opt-in region' : undefined }));

/** Edit: change the role ARN or the regions (PATCH), and Unlink behind a confirmation (DELETE). */
export function EditAccount({ account, onDone }: { account: Account; onDone: () => void }) {
  const notify = useNotify();
  const client = useQueryClient();
  const [roleArn, setRoleArn] = useState(account.roleArn);
  const [regions, setRegions] = useState<readonly string[]>(account.regions ?? []);
  const [confirming, setConfirming] = useState(false);
  const problem = roleArnProblem(roleArn);

  const save = useMutation({
    mutationFn: () => {
      const body: PatchAccountBody = {};
      if (roleArn !== account.roleArn) body.roleArn = roleArn;
      body.regions = regions.length === 0 ? null : ([...regions] as NonNullable<PatchAccountBody['regions']>);
      return apiRequest('PATCH', `${ACCOUNTS_PATH}/${account.accountId}`, { body });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['accounts'] });
      notify({ type: 'success', content: `Account ${account.accountId} was updated.` });
      onDone();
    },
  });
  const unlink = useMutation({
    mutationFn: () => apiRequest('DELETE', `${ACCOUNTS_PATH}/${account.accountId}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: ['accounts', account.accountId] });
      void client.invalidateQueries({ queryKey: ['accounts'] });
      notify({ type: 'success', header: 'Amazon Web Services unlinked', content: `Account ${account.accountId} is no longer connected; its inventory is kept and marked unlinked.` });
      navigate('/data-sources');
    },
  });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) save.mutate();
      }}
    >
      <Form
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" onClick={onDone}>
              Cancel
            </Button>
            <Button variant="primary" formAction="submit" loading={save.isPending} disabled={problem !== undefined}>
              Submit
            </Button>
          </SpaceBetween>
        }
        secondaryActions={
          <Button formAction="none" onClick={() => setConfirming(true)}>
            Unlink
          </Button>
        }
        errorText={save.isError ? errorText(save.error) : undefined}
        errorIconAriaLabel="Error"
      >
        <Container header={<Header variant="h2">Edit</Header>}>
          <SpaceBetween size="m">
            <FormField label="Role ARN" errorText={problem}>
              <Input value={roleArn} onChange={(e) => setRoleArn(e.detail.value)} ariaLabel="Role ARN" />
            </FormField>
            <FormField label="Regions" description="Leave empty to inventory every commercial region.">
              <Multiselect
                selectedOptions={REGION_OPTIONS.filter((o) => regions.includes(o.value))}
                onChange={(e) => setRegions(e.detail.selectedOptions.map((o) => o.value!))}
                options={REGION_OPTIONS}
                placeholder="Every commercial region"
                filteringType="auto"
                ariaLabel="Regions"
              />
            </FormField>
          </SpaceBetween>
        </Container>
      </Form>
      <Modal
        visible={confirming}
        onDismiss={() => setConfirming(false)}
        header="Unlink Amazon Web Services?"
        footer={
          <Box float="right">
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button formAction="none" variant="primary" loading={unlink.isPending} onClick={() => unlink.mutate()}>
                Confirm and unlink Amazon Web Services
              </Button>
            </SpaceBetween>
          </Box>
        }
      >
        <SpaceBetween size="s">
          <Box variant="p">
            Account {account.accountId} will no longer be crawled and its events will be dropped. Its inventory is kept and marked unlinked. To stop
            the events at the source, delete the CloudFormation stacks in the account.
          </Box>
          {unlink.isError && <Box color="text-status-error">{errorText(unlink.error)}</Box>}
        </SpaceBetween>
      </Modal>
    </form>
  );
}
