/** `npm run console:build`: bundles the console into console/dist and prints its sizes. */
import { buildConsole } from './build-console';

const started = Date.now();
buildConsole().then(
  (b) => {
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(`console/dist: ${b.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s; initial JS ${kib(b.initialJsGzipBytes)} gzipped, all JS ${kib(b.totalJsGzipBytes)} gzipped`);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
