import { CbomExportTooLargeError, exportCbom, type AssetPage } from '../../../lambdas/cbom/cbom-export';
import type { Asset } from '../../../lambdas/inventory/asset';
import { kmsKey } from './cbom-fixtures';

const asStored = (i: number): Asset => ({ ...kmsKey(`k${i}`, 'RSA_2048', 'SIGN_VERIFY'), id: `id${i}`.padEnd(22, 'x'), tenantId: 't', source: 'AWS', firstSeen: 'x', lastSeen: 'x', observedAt: 'x' });
const META = { generatedAt: new Date('2025-02-01T00:00:00Z'), serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' };

/** Three pages of two assets, linked by cursors. */
function pages() {
  const calls: (string | undefined)[] = [];
  const read = async (cursor: string | undefined): Promise<AssetPage> => {
    calls.push(cursor);
    const n = cursor === undefined ? 0 : Number(cursor);
    return { items: [asStored(2 * n), asStored(2 * n + 1)], nextCursor: n < 2 ? String(n + 1) : null };
  };
  return { read, calls };
}

describe('exportCbom', () => {
  it('follows the cursor page by page until nextCursor is null', async () => {
    const p = pages();
    const doc = JSON.parse(await exportCbom(p.read, META));
    expect(p.calls).toEqual([undefined, '1', '2']);
    expect(doc.components.filter((c: { 'bom-ref': string }) => c['bom-ref'].startsWith('arn:'))).toHaveLength(6);
  });

  it('stops reading as soon as the asset bound is passed', async () => {
    const p = pages();
    await expect(exportCbom(p.read, META, { maxAssets: 3 })).rejects.toThrow(CbomExportTooLargeError);
    expect(p.calls).toEqual([undefined, '1']);
  });

  it('measures the body as escaped inside the Lambda response', async () => {
    const body = await exportCbom(pages().read, META);
    const escaped = Buffer.byteLength(JSON.stringify(body));
    expect(escaped).toBeGreaterThan(Buffer.byteLength(body));
    await expect(exportCbom(pages().read, META, { maxBodyBytes: escaped })).resolves.toBe(body);
    await expect(exportCbom(pages().read, META, { maxBodyBytes: escaped - 1000 })).rejects.toThrow(CbomExportTooLargeError);
  });
});
