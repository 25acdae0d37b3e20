import Box from '@cloudscape-design/components/box';
import BarChart from '@cloudscape-design/components/bar-chart';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import type { UseQueryResult } from '@tanstack/react-query';
import { type BoundedCount, bucketCounts, showCount } from '../../../common/bounded-count';
import { RequestError } from '../../../common/request-error';

export function ExpiryTimeline({ labels, cumulative }: { labels: readonly string[]; cumulative: ReadonlyArray<UseQueryResult<BoundedCount>> }) {
  const failed = cumulative.find((c) => c.isError);
  const ready = cumulative.every((c) => c.data);
  const buckets = ready ? bucketCounts(cumulative.map((c) => c.data!)) : [];
  const data = buckets.map((b, i) => ({ x: labels[i], y: b.count }));
  return (
    <Container header={<Header variant="h2" description="Certificates by time to expiry.">Certificate expiry</Header>}>
      {failed ? (
        <RequestError what="certificate expiry counts" error={failed.error} onRetry={() => cumulative.forEach((c) => void c.refetch())} />
      ) : (
        <>
          <BarChart
            series={[{ title: 'Certificates', type: 'bar', data, valueFormatter: (y, x) => `${showCount(buckets[labels.indexOf(String(x))] ?? { count: y, atLeast: false })}` }]}
            xDomain={[...labels]}
            xScaleType="categorical"
            xTitle="Expires"
            yTitle="Certificates"
            statusType={ready ? 'finished' : 'loading'}
            loadingText="Counting certificates"
            hideFilter
            hideLegend
            height={200}
            ariaLabel="Certificates by time to expiry"
            empty={<Box textAlign="center">No certificates</Box>}
          />
          <ul aria-label="Certificate expiry as text">
            {buckets.map((b, i) => (
              <li key={labels[i]}>
                {labels[i]}: {showCount(b)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Container>
  );
}
