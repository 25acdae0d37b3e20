import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import PieChart from '@cloudscape-design/components/pie-chart';
import type { FindingsSummary, Severity } from '../../../api/types';
import { followInApp } from '../../../common/router';

const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };
// Cloudscape's severity palette (the same colours as its severity badges).
const COLOR: Record<Severity, string> = { critical: '#870303', high: '#ce3311', medium: '#f89256', low: '#f2cd54' };

/** Open findings by severity: a donut, and the same numbers as links to the filtered Findings page. */
export function FindingsBySeverity({ summary }: { summary: FindingsSummary }) {
  const data = SEVERITIES.map((s) => ({ title: LABEL[s], value: summary.bySeverity[s] ?? 0, color: COLOR[s] }));
  return (
    <Container header={<Header variant="h2" description={`${summary.suppressed.toLocaleString('en-US')} suppressed, not counted.`}>Open findings by severity</Header>}>
      <PieChart
        data={data.filter((d) => d.value > 0)}
        variant="donut"
        hideFilter
        hideLegend
        size="medium"
        ariaLabel="Open findings by severity"
        innerMetricDescription="open"
        innerMetricValue={summary.open.toLocaleString('en-US')}
        segmentDescription={(d) => `${d.title}: ${d.value.toLocaleString('en-US')}`}
        empty={<Box textAlign="center">No open finding</Box>}
      />
      <ul aria-label="Open findings by severity as text">
        {SEVERITIES.map((s) => (
          <li key={s}>
            <Link href={`/findings?severity=${s}&status=open`} onFollow={followInApp}>
              {LABEL[s]}: {(summary.bySeverity[s] ?? 0).toLocaleString('en-US')}
            </Link>
          </li>
        ))}
      </ul>
    </Container>
  );
}
