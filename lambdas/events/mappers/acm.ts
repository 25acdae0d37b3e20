import { parseArn } from '../../shared/arn';
import { classifyAcmKeyAlgorithm, normalizeAcmKeyAlgorithm } from '../../crypto/acm-key-algorithm';
import { isArn } from '../arn';
import { alive, gone, set, type AssetRef, type FieldOp, type InventoryChange, type MapResult } from '../inventory-change';
import type { NormalizedEvent } from '../normalized-event';
import { ACM_MUTATION_EVENTS } from './event-names';
import { arr, notInCatalogue, requestOf, responseOf, str, strings, tagPutOps, tagRemoveOps } from './record-fields';

/**
 * ACM events → inventory changes. Record shapes: https://docs.aws.amazon.com/acm/latest/userguide/acm-supported-actions-in-cloudtrail.html
 * ImportCertificate logs byte-buffer stubs, never the PEM, so every import (and re-import) asks for a targeted refresh.
 * ACM's own events (source aws.acm, e.g. "ACM Certificate Approaching Expiration",
 * https://docs.aws.amazon.com/acm/latest/userguide/supported-events.html) name the certificate in the envelope's
 * `resources` and also lead to a refresh.
 */
export { ACM_MUTATION_EVENTS };
type AcmMutationEvent = (typeof ACM_MUTATION_EVENTS)[number];

function certificateRef(arn: string, event: NormalizedEvent): AssetRef {
  const parsed = parseArn(arn);
  return { type: 'certificate', arn, region: parsed?.region || event.region, accountId: parsed?.accountId || event.accountId };
}

const DETAIL = (field: string) => ['details', field];

export function mapAcmEvent(event: NormalizedEvent): MapResult {
  const request = requestOf(event);
  const response = responseOf(event);
  const candidate = str(response, 'certificateArn') ?? str(request, 'certificateArn');
  const arn = isArn(candidate) ? candidate : undefined;

  if (!event.isCloudTrail) {
    const resourceArn = event.envelopeResources.find((r) => r.includes(':acm:') && r.includes(':certificate/'));
    if (!resourceArn) return { kind: 'unsupported' };
    const ref = certificateRef(resourceArn, event);
    return { kind: 'changes', changes: [{ kind: 'asset', asset: ref, ops: [] }, { kind: 'refresh', asset: ref }] };
  }
  if (!arn) return { kind: 'unsupported' };
  const ref = certificateRef(arn, event);
  const with_ = (ops: FieldOp[], refresh: boolean): MapResult => {
    const changes: InventoryChange[] = [{ kind: 'asset', asset: ref, ops }];
    if (refresh) changes.push({ kind: 'refresh', asset: ref });
    return { kind: 'changes', changes };
  };

  const name = event.eventName as AcmMutationEvent;
  switch (name) {
    case 'RequestCertificate': {
      // keyAlgorithm defaults to RSA_2048 (API_RequestCertificate); a CA ARN makes it a private certificate.
      const keyAlgorithm = normalizeAcmKeyAlgorithm(str(request, 'keyAlgorithm') ?? 'RSA_2048') ?? str(request, 'keyAlgorithm') ?? 'RSA_2048';
      const domainName = str(request, 'domainName');
      const caArn = str(request, 'certificateAuthorityArn');
      const sans = strings(request, 'subjectAlternativeNames');
      const ops: FieldOp[] = [
        ...alive(),
        set(['lifecycle', 'state'], 'PENDING_VALIDATION'),
        set(['lifecycle', 'createdAt'], event.eventTime),
        set(['crypto'], classifyAcmKeyAlgorithm(keyAlgorithm)),
        set(DETAIL('keyAlgorithm'), keyAlgorithm),
        set(DETAIL('certificateType'), caArn ? 'PRIVATE' : 'AMAZON_ISSUED'),
        ...tagPutOps(arr(request, 'tags')),
      ];
      if (domainName) {
        ops.push(set(['name'], domainName), set(DETAIL('domainName'), domainName));
        ops.push(set(DETAIL('subjectAlternativeNames'), sans.length > 0 ? sans : [domainName]));
      }
      if (caArn) ops.push(set(DETAIL('certificateAuthorityArn'), caArn));
      return with_(ops, true);
    }
    case 'ImportCertificate':
      return with_([...alive(), set(DETAIL('certificateType'), 'IMPORTED'), ...tagPutOps(arr(request, 'tags'))], true);
    case 'DeleteCertificate':
      return with_(gone(event.eventTime), false);
    case 'RenewCertificate':
      return with_([], true);
    case 'RevokeCertificate': {
      // https://docs.aws.amazon.com/acm/latest/APIReference/API_RevokeCertificate.html (CertificateArn, RevocationReason): REVOKED. The
      // refresh reads RevokedAt and the rest from DescribeCertificate.
      const reason = str(request, 'revocationReason');
      return with_([set(['lifecycle', 'state'], 'REVOKED'), ...(reason ? [set(DETAIL('revocationReason'), reason)] : [])], true);
    }
    case 'AddTagsToCertificate':
      return with_(tagPutOps(arr(request, 'tags')), false);
    case 'RemoveTagsFromCertificate':
      return with_(tagRemoveOps(arr(request, 'tags')), false);
    default:
      return notInCatalogue(name);
  }
}
