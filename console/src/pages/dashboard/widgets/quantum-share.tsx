import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import { type BoundedCount, showCount } from '../../../common/bounded-count';
import { RequestError } from '../../../common/request-error';
import { followInApp } from '../../../common/router';

export function QuantumShare({ vulnerable, total }: { vulnerable: UseQueryResult<BoundedCount>; total: BoundedCount | undefined }) {
  const v = vulnerable.data;
  const exact = v && total && !v.atLeast && !total.atLeast;
  const share = exact && total.count > 0 ? Math.round((v.count / total.count) * 100) : undefined;
  return (
    <Container header={<Header variant="h2" description="Assets a quantum computer could break (RSA, elliptic curves).">Quantum-vulnerable</Header>}>
      {vulnerable.isError ? (
        <RequestError what="the quantum-vulnerable count" error={vulnerable.error} onRetry={() => void vulnerable.refetch()} />
      ) : !v || !total ? (
        <StatusIndicator type="loading">Counting</StatusIndicator>
      ) : (
        <>
          <Box variant="awsui-value-large">{showCount(v)}</Box>
          <Box variant="p">
            of {showCount(total)} assets{share !== undefined ? ` (${share} %)` : ''}.{' '}
            <Link href="/inventory?quantumVulnerable=true" onFollow={followInApp}>
              Show them
            </Link>
          </Box>
          {share !== undefined && <ProgressBar value={share} label="Quantum-vulnerable share" description={`${share} % of assets`} />}
        </>
      )}
    </Container>
  );
}
