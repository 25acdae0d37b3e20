import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiGet, apiRequest } from '../../api/client';
import type { LinkAccountResponse } from '../../api/types';
import { ACCOUNTS_PATH, useStartIngestion } from '../../common/aws-hooks';
import { saveFile } from '../../common/download';
import { useNotify } from '../../common/notifications';
import { errorText } from '../../common/request-error';
import { roleArnProblem } from '../../common/role-arn';
import { followInApp, navigate } from '../../common/router';
import { DeploymentMethods } from './deployment-methods';

/** Configure: the customer guide's setup flow for an AWS account, step by step. */
export default function ConfigureAwsPage() {
  const notify = useNotify();
  const client = useQueryClient();
  const [roleArn, setRoleArn] = useState('');
  const [touched, setTouched] = useState(false);
  const [linked, setLinked] = useState<LinkAccountResponse['account']>();
  const problem = roleArnProblem(roleArn);

  const download = useMutation({
    mutationFn: () => apiGet<unknown>('/data-sources/aws/template'),
    onSuccess: (template) => saveFile('cloudformation-template.json', `${JSON.stringify(template, null, 2)}\n`),
  });
  const submit = useMutation({
    mutationFn: () => apiRequest<LinkAccountResponse>('POST', ACCOUNTS_PATH, { body: { roleArn } }),
    onSuccess: ({ account }) => {
      setLinked(account);
      void client.invalidateQueries({ queryKey: ['accounts'] });
      notify({ type: 'success', header: 'Configuration succeeded', content: `AWS account ${account.accountId} is connected. Select Start now to run the first ingestion.` });
    },
  });
  const start = useStartIngestion();

  const startNow = (accountId: string) =>
    start.mutate(accountId, {
      onSuccess: (r) => {
        notify({ type: 'success', header: 'Ingestion started', content: `Ingestion ${r.ingestionId} is running for account ${accountId}.` });
        navigate(`/data-sources/aws/accounts/${accountId}`);
      },
      onError: (err) => notify({ type: 'error', header: 'Could not start the ingestion', content: errorText(err) }),
    });

  return (
    <ContentLayout header={<Header variant="h1" description="Connect an AWS account in three steps.">Configure AWS</Header>}>
      <SpaceBetween size="l">
        <Container header={<Header variant="h2" description="Choose how to deploy the template in your AWS account.">1. Deployment methods</Header>}>
          <DeploymentMethods />
        </Container>
        <Container
          header={
            <Header variant="h2" description="Your copy has your ExternalId, the AQtive Guard principal and your events endpoint filled in.">
              2. Download and deploy the template
            </Header>
          }
        >
          <SpaceBetween size="m">
            <Box>
              <Button formAction="none" iconName="download" onClick={() => download.mutate()} loading={download.isPending}>
                Download CloudFormation template
              </Button>
            </Box>
            {download.isError && <Alert type="error" header="Could not download the template">{errorText(download.error)}</Alert>}
            <Box variant="p">
              The template needs an API token with the uploader permission for its parameter AQGAPIKeyParameter:{' '}
              <Link href="/tokens?create=uploader" onFollow={followInApp}>
                create an Uploader token
              </Link>
              . Deploy with the capability CAPABILITY_NAMED_IAM, then copy the stack output AQtiveGuardRoleArn.
            </Box>
          </SpaceBetween>
        </Container>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (!problem) submit.mutate();
          }}
        >
          <Form
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button formAction="none" variant="link" onClick={() => navigate('/data-sources')}>
                  Cancel
                </Button>
                <Button variant="primary" formAction="submit" loading={submit.isPending} disabled={linked !== undefined}>
                  Submit
                </Button>
              </SpaceBetween>
            }
            errorText={submit.isError ? errorText(submit.error) : undefined}
            errorIconAriaLabel="Error"
          >
            <Container header={<Header variant="h2">3. Enter the role ARN</Header>}>
              <SpaceBetween size="m">
                <FormField
                  label="Role ARN"
                  description="The stack output AQtiveGuardRoleArn of the primary region."
                  errorText={(touched || roleArn !== '') && problem ? problem : undefined}
                  constraintText="arn:aws:iam::<12-digit account>:role/<name>"
                >
                  <Input
                    value={roleArn}
                    onChange={(e) => {
                      setRoleArn(e.detail.value);
                      setLinked(undefined);
                    }}
                    onBlur={() => setTouched(true)}
                    placeholder="arn:aws:iam::123456789012:role/AQtiveGuardReadOnlyAccessRole"
                    ariaLabel="Role ARN"
                  />
                </FormField>
                {linked && (
                  <Alert
                    type="success"
                    header={`Account ${linked.accountId} is connected`}
                    action={
                      <Button formAction="none" onClick={() => startNow(linked.accountId)} loading={start.isPending}>
                        Start now
                      </Button>
                    }
                  >
                    Start the first ingestion now, or later from{' '}
                    <Link href={`/data-sources/aws/accounts/${linked.accountId}`} onFollow={followInApp}>
                      Details
                    </Link>
                    ; the daily schedule also ingests every connected account.
                  </Alert>
                )}
              </SpaceBetween>
            </Container>
          </Form>
        </form>
      </SpaceBetween>
    </ContentLayout>
  );
}
