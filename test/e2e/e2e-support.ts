import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Estate } from '../../sandbox/sandbox';
import type { SandboxOptions } from '../../sandbox/sandbox-options';
import { type ApiResponse, LocalApiClient } from '../../local/local-api-client';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/local-runtime';
import { checkAgainstContract } from './api-contract';

export const ACCOUNTS = '/data-sources/aws/accounts';

/**
 * The API client of every end-to-end test: each answer is checked against the OpenAPI document (status documented,
 * media type, body schema) before the test sees it, so the document cannot drift from the code.
 */
export class ContractCheckedApiClient extends LocalApiClient {
  constructor(
    private readonly base: string,
    token?: string,
  ) {
    super(base, token);
  }

  override as(token: string): ContractCheckedApiClient {
    return new ContractCheckedApiClient(this.base, token);
  }

  override async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await super.request<T>(method, path, body, headers);
    checkAgainstContract(method, path, res.status, res.headers.get('content-type'), res.body);
    return res;
  }
}

/** Starts the real local runtime (synthesized backend, real handlers, sandbox account) in a temp data dir on port 0. */
export async function startE2eRuntime(
  sandbox: SandboxOptions = {},
  more: Partial<LocalRuntimeOptions> = {},
): Promise<{ runtime: LocalRuntime; api: ContractCheckedApiClient; cleanup(): Promise<void> }> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const dataDir = mkdtempSync(join(tmpdir(), 'aqg-e2e-'));
  const runtime = await startLocalRuntime({
    dataDir,
    port: 0,
    customerAccount: { mode: 'sandbox', options: { estateSize: 40, regions: ['us-east-1', 'eu-west-1'], ...sandbox } },
    redeliveryDelaySeconds: 0.5,
    ...more,
  });
  return {
    runtime,
    api: new ContractCheckedApiClient(runtime.url),
    cleanup: async () => {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EstateAsset {
  readonly arn: string;
  readonly type: 'key' | 'certificate' | 'secret' | 'parameter';
  readonly region: string;
  readonly record: Record<string, any>;
}

/** Every asset of the sandbox estate (the ground truth), as the inventory should list it. */
export function estateAssets(estate: Estate): EstateAsset[] {
  return Object.values(estate.regions).flatMap((r) => [
    ...r.kms.keys.map((k) => ({ arn: k.arn, type: 'key' as const, region: r.region, record: k })),
    ...r.acm.certificates.map((c) => ({ arn: c.arn, type: 'certificate' as const, region: r.region, record: c })),
    ...r.secretsmanager.secrets.map((s) => ({ arn: s.arn, type: 'secret' as const, region: r.region, record: s })),
    ...r.ssm.parameters.map((p) => ({ arn: p.arn, type: 'parameter' as const, region: r.region, record: p })),
  ]);
}

export const userTags = (tags: ReadonlyArray<{ key: string; value: string }>) =>
  Object.fromEntries(tags.filter((t) => !t.key.startsWith('aws:')).map((t) => [t.key, t.value]));
