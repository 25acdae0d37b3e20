import Box from '@cloudscape-design/components/box';
import BarChart from '@cloudscape-design/components/bar-chart';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { FindingsSummary } from '../../../api/types';

/** The summary's buckets (lambdas/findings/findings-summary.ts EXPIRY_BUCKETS) as the timeline shows them. */
const BUCKETS = [
  ['expired', 'Expired'],
  ['within7Days', '≤ 7 days'],
  ['within8To30Days', '8–30 days'],
  ['within31To90Days', '31–90 days'],
  ['later', 'Later'],
] as const;

/** Issued certificates by time to expiry: a bar chart, and the same numbers as text. */
export function ExpiryTimeline({ expiry }: { expiry: FindingsSummary['certificateExpiry'] }) {
  const data = BUCKETS.map(([key, label]) => ({ x: label as string, y: expiry[key] ?? 0 }));
  return (
    <Container header={<Header variant="h2" description="Issued certificates by time to expiry.">Certificate expiry</Header>}>
      <BarChart
        series={[{ title: 'Certificates', type: 'bar', data, valueFormatter: (y) => y.toLocaleString('en-US') }]}
        xDomain={data.map((d) => d.x)}
        xScaleType="categorical"
        xTitle="Expires"
        yTitle="Certificates"
        hideFilter
        hideLegend
        height={200}
        ariaLabel="Certificates by time to expiry"
        empty={<Box textAlign="center">No certificates</Box>}
      />
      <ul aria-label="Certificate expiry as text">
        {data.map((d) => (
          <li key={d.x}>
            {d.x}: {d.y.toLocaleString('en-US')}
          </li>
        ))}
      </ul>
    </Container>
  );
}
