import type { Asset } from '../inventory/asset';
import { CbomBuilder, type CbomMeta } from './inventory-to-cbom';

export interface AssetPage {
  readonly items: readonly Asset[];
  readonly nextCursor: string | null;
}

export interface CbomExportLimits {
  /** Stop (and fail) once more assets than this are read. @default 5000 */
  readonly maxAssets?: number;
  /**
   * Largest body, measured as it travels inside the Lambda proxy response (a JSON string, so escaped).
   * A synchronous Lambda response is at most 6 MB (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html);
   * the default leaves room for the headers and the envelope. @default 5_500_000
   */
  readonly maxBodyBytes?: number;
}

/** The export would not fit one response: the caller should narrow it (type, region, accountId). */
export class CbomExportTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CbomExportTooLargeError';
  }
}

/**
 * The CBOM of every asset the paged reader returns, serialized. Pages are read one at a time and reduced to CBOM
 * components at once; the document is bounded (asset count while reading, bytes at the end) because an API Gateway
 * → Lambda answer is buffered whole.
 */
export async function exportCbom(
  readPage: (cursor: string | undefined) => Promise<AssetPage>,
  meta: CbomMeta,
  limits: CbomExportLimits = {},
): Promise<string> {
  const maxAssets = limits.maxAssets ?? 5000;
  const maxBodyBytes = limits.maxBodyBytes ?? 5_500_000;
  const builder = new CbomBuilder(meta.generatedAt);
  let cursor: string | undefined;
  do {
    const page = await readPage(cursor);
    if (builder.assetCount + page.items.length > maxAssets) {
      throw new CbomExportTooLargeError(`The export is limited to ${maxAssets} assets; narrow it with type, region or accountId`);
    }
    for (const asset of page.items) builder.add(asset);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  const body = JSON.stringify(builder.build(meta));
  if (Buffer.byteLength(JSON.stringify(body)) > maxBodyBytes) {
    throw new CbomExportTooLargeError(`The export of ${builder.assetCount} assets exceeds one response; narrow it with type, region or accountId`);
  }
  return body;
}
