import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { FindingsSummary } from '../../../api/types';
import { followInApp } from '../../../common/router';

const share = (v: number, total: number) => (total > 0 ? Math.round((v / total) * 100) : 0);

/** Keys and certificates a quantum computer could break: the share per type, and the vulnerable ones by algorithm. */
export function QuantumShare({ quantum }: { quantum: FindingsSummary['quantumVulnerable'] }) {
  const types = Object.entries(quantum.byAssetType);
  const vulnerable = types.reduce((n, [, t]) => n + t.vulnerable, 0);
  const total = types.reduce((n, [, t]) => n + t.total, 0);
  const algorithms = Object.entries(quantum.byAlgorithm).sort((a, b) => b[1] - a[1]);
  return (
    <Container header={<Header variant="h2" description="Keys and certificates a quantum computer could break (RSA, elliptic curves).">Quantum-vulnerable</Header>}>
      <SpaceBetween size="s">
        <div>
          <Box variant="awsui-value-large">{vulnerable.toLocaleString('en-US')}</Box>
          <Box variant="p">
            of {total.toLocaleString('en-US')} keys and certificates ({share(vulnerable, total)} %).{' '}
            <Link href="/inventory?quantumVulnerable=true" onFollow={followInApp}>
              Show them
            </Link>
          </Box>
        </div>
        {types.map(([type, t]) => (
          <ProgressBar key={type} value={share(t.vulnerable, t.total)} label={`${type}: quantum-vulnerable share`} description={`${t.vulnerable.toLocaleString('en-US')} of ${t.total.toLocaleString('en-US')}`} />
        ))}
        {algorithms.length > 0 && (
          <Box variant="p">
            By algorithm:{' '}
            {algorithms.map(([alg, n]) => `${alg} ${n.toLocaleString('en-US')}`).join(', ')}
          </Box>
        )}
      </SpaceBetween>
    </Container>
  );
}
