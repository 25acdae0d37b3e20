import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useAccounts } from '../../common/aws-hooks';
import { formatDate } from '../../common/format';
import { useIsAdmin } from '../../common/permissions';
import { RequestError } from '../../common/request-error';
import { followInApp, navigate } from '../../common/router';

/** Data sources: the AWS panel (Configure when nothing is connected, each account's Details otherwise). */
export default function DataSourcesPage() {
  const isAdmin = useIsAdmin();
  const accounts = useAccounts();
  const linked = accounts.data?.items.filter((a) => a.status === 'LINKED') ?? [];
  const configure = isAdmin && (
    <Button variant={linked.length ? 'normal' : 'primary'} onClick={() => navigate('/data-sources/aws/configure')}>
      Configure
    </Button>
  );
  return (
    <ContentLayout header={<Header variant="h1" description="Where AQtive Guard discovers cryptographic assets.">Data sources</Header>}>
      <SpaceBetween size="l">
        <Container
          header={
            <Header variant="h2" actions={configure} description="Amazon Web Services accounts: KMS keys, ACM certificates, Secrets Manager secrets and SSM parameters.">
              AWS
            </Header>
          }
        >
          {accounts.isPending ? (
            <StatusIndicator type="loading">Loading accounts</StatusIndicator>
          ) : accounts.isError ? (
            <RequestError what="the AWS accounts" error={accounts.error} onRetry={() => void accounts.refetch()} />
          ) : linked.length === 0 ? (
            <Box textAlign="center" color="inherit" padding="l">
              <SpaceBetween size="s">
                <StatusIndicator type="stopped">Not connected</StatusIndicator>
                <Box variant="p" color="text-body-secondary">
                  {isAdmin ? 'Select Configure to connect an AWS account.' : 'No AWS account is connected. An admin can connect one.'}
                </Box>
              </SpaceBetween>
            </Box>
          ) : (
            <SpaceBetween size="m">
              {linked.map((a) => (
                <ColumnLayout key={a.accountId} columns={4} variant="text-grid">
                  <div>
                    <Box variant="awsui-key-label">Account</Box>
                    <Link href={`/data-sources/aws/accounts/${a.accountId}`} onFollow={followInApp} ariaLabel={`Details of account ${a.accountId}`}>
                      {a.accountId}
                    </Link>
                  </div>
                  <div>
                    <Box variant="awsui-key-label">Status</Box>
                    {a.runningIngestionId ? <StatusIndicator type="in-progress">Ingesting</StatusIndicator> : <StatusIndicator type="success">Connected</StatusIndicator>}
                  </div>
                  <div>
                    <Box variant="awsui-key-label">Linked since</Box>
                    {formatDate(a.linkedAt)}
                  </div>
                  <div>
                    <Box variant="awsui-key-label">Details</Box>
                    <Button variant="inline-link" onClick={() => navigate(`/data-sources/aws/accounts/${a.accountId}`)} ariaLabel={`Details of account ${a.accountId}`}>
                      Details
                    </Button>
                  </div>
                </ColumnLayout>
              ))}
            </SpaceBetween>
          )}
        </Container>
      </SpaceBetween>
    </ContentLayout>
  );
}
