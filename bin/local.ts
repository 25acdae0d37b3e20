/**
 * `npm start`: the whole product on this machine (no AWS account, loopback only).
 *
 *   npm start                      sandbox account, demo tenant, connect + ingest + replay events, print a summary
 *   npm start -- --no-demo         tenant and tokens only
 *   npm start -- --aws             the customer account through the SDK's standard credential/endpoint chain
 *   npm start -- --port 3000 --data-dir .aqg --reset
 *   npm start -- --dynamodb-endpoint http://127.0.0.1:8000   the platform tables on an external DynamoDB-compatible endpoint
 */
import { parseArgs } from 'node:util';

const USAGE = `Usage: npm start -- [--port <n>] [--data-dir <dir>] [--reset] [--no-demo] [--aws] [--public-url <https url>]
                    [--dynamodb-endpoint <url>] [--help]

  --port <n>        API port on 127.0.0.1 (default 3000; 0 = any free port)
  --data-dir <dir>  where the local DynamoDB data and local.json live (default .aqg)
  --reset           wipe the data directory first
  --no-demo         create the tenant and tokens only (no connection, ingestion or event replay)
  --aws             customer accounts through the SDK's standard credential and endpoint chain (no sandbox);
                    nothing is connected automatically
  --public-url <u>  HTTPS URL (with /v1) at which AWS reaches this API, e.g. a tunnel; it is the events endpoint in
                    downloaded templates (default: https://<host you called>/v1, which AWS cannot reach)
  --dynamodb-endpoint <url>
                    the platform's tables on this DynamoDB-compatible endpoint (created there if missing) instead of
                    the embedded one (default: AWS_ENDPOINT_URL_DYNAMODB if set, else dynalite under the data dir)
  --help            this text`;

function parseFlags(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        reset: { type: 'boolean' },
        'no-demo': { type: 'boolean' },
        aws: { type: 'boolean' },
        'public-url': { type: 'string' },
        'dynamodb-endpoint': { type: 'string' },
        help: { type: 'boolean' },
      },
    });
    const publicUrl = values['public-url'];
    if (publicUrl !== undefined && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(publicUrl)) {
      throw new Error(`--public-url must be an https:// URL (EventBridge API destinations accept only HTTPS), got ${publicUrl}`);
    }
    // The SDK's per-service endpoint variable names the platform tables' endpoint here (the customer-account clients
    // never call DynamoDB).
    const dynamodbEndpoint = values['dynamodb-endpoint'] ?? (process.env.AWS_ENDPOINT_URL_DYNAMODB || undefined);
    if (dynamodbEndpoint !== undefined && !/^https?:\/\/[^\s/]+\/?$/.test(dynamodbEndpoint)) {
      throw new Error(`--dynamodb-endpoint must be an http(s)://host[:port] URL, got ${dynamodbEndpoint}`);
    }
    const port = values.port === undefined ? 3000 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer 0-65535, got ${values.port}`);
    return {
      port,
      dataDir: values['data-dir'] ?? '.aqg',
      reset: !!values.reset,
      demo: !values['no-demo'] && !values.aws,
      aws: !!values.aws,
      publicUrl,
      dynamodbEndpoint,
      help: !!values.help,
    };
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // Quiet handlers by default (their JSON logs stay available with POWERTOOLS_LOG_LEVEL=INFO).
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const started = Date.now();
  // The console is served at / next to the API: rebuild it when its sources changed (a few seconds with esbuild).
  const { CONSOLE_DIST, buildConsole, isConsoleBuildStale } = await import('../console/scripts/build-console');
  if (isConsoleBuildStale()) {
    process.stdout.write('  · building the console (console/dist)\n');
    await buildConsole().catch((err: unknown) => process.stderr.write(`The console could not be built (the API still starts): ${(err as Error).message}\n`));
  }
  // Loaded after the environment above is set: handler modules read it once.
  const { startLocalRuntime } = await import('../local/local-runtime');
  const { runDemo } = await import('../local/demo');
  const { formatStartupReport } = await import('../local/startup-report');
  const runtime = await startLocalRuntime({
    dataDir: flags.dataDir,
    reset: flags.reset,
    port: flags.port,
    customerAccount: flags.aws ? { mode: 'aws' } : { mode: 'sandbox' },
    publicUrl: flags.publicUrl,
    dynamodbEndpoint: flags.dynamodbEndpoint,
    consoleDir: CONSOLE_DIST,
  });
  const { recoveredMessages, interruptedRuns } = runtime.recovery;
  if (recoveredMessages > 0) process.stdout.write(`Recovered ${recoveredMessages} accepted events from the last run; processing them now.\n`);
  if (interruptedRuns.length > 0) {
    process.stdout.write(`Closed ${interruptedRuns.length} ingestion(s) interrupted by the last stop as FAILED (${interruptedRuns.join(', ')}); Start now works again.\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping (finishing the event batches in flight)…\n`);
    runtime.stop().then(
      ({ queuedMessages }) => {
        process.stdout.write(
          queuedMessages > 0
            ? `${queuedMessages} accepted events not yet processed are kept on disk in ${runtime.dataDir}/queues; the next start processes them.\n`
            : 'Every accepted event was processed.\n',
        );
        process.exit(0);
      },
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const demo = flags.demo ? await runDemo(runtime, { log: (line) => process.stdout.write(`  · ${line}\n`) }) : undefined;
  process.stdout.write(
    formatStartupReport({
      url: runtime.url,
      consoleUrl: new URL('/', runtime.url).href,
      dataDir: runtime.dataDir,
      tokens: runtime.tokens,
      mode: flags.aws ? 'aws' : flags.demo ? 'demo' : 'no-demo',
      demo,
      externalId: runtime.tenant.externalId,
      sandboxRoleArn: runtime.sandbox?.roleArn,
      seconds: (Date.now() - started) / 1000,
    }),
  );
}

main().catch((err: unknown) => {
  console.error('Local runtime failed to start:', err);
  process.exit(1);
});
