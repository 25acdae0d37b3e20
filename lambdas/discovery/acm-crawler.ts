import {
  DescribeCertificateCommand,
  GetCertificateCommand,
  ListCertificatesCommand,
  ListTagsForCertificateCommand,
  type CertificateDetail,
  type CertificateSummary,
} from '@aws-sdk/client-acm';
import { ACM_KEY_ALGORITHMS, classifyAcmKeyAlgorithm, normalizeAcmKeyAlgorithm } from '../crypto/acm-key-algorithm';
import { classifyCertificate } from '../crypto/certificate-classifier';
import { parseCertificatePem, type ParsedCertificate } from '../crypto/certificate-parser';
import type { CoverageGap, CryptoProperties, DiscoveredAsset, RotationInfo } from '../inventory/asset';
import { errorCode, isAccessDeniedError } from './aws-error';
import { walkPages, type PagePosition } from './page-walker';
import { compact, coverageGap, iso, type ServiceCrawlContext } from './service-crawl-context';
import { userTags } from './user-tags';

/** ListCertificates page size (model maximum; the default is undocumented). */
const LIST_CERTIFICATES_MAX_ITEMS = 1000;

/**
 * Every key type and every key-pair origin: by default ListCertificates returns only RSA_1024/RSA_2048 certificates
 * and leaves out ACME-origin ones (https://docs.aws.amazon.com/acm/latest/APIReference/API_ListCertificates.html).
 */
export const LIST_CERTIFICATES_FILTERS = {
  Includes: { keyTypes: [...ACM_KEY_ALGORITHMS] },
  CertificateKeyPairOrigins: ['AWS_MANAGED', 'CUSTOMER_PROVIDED', 'ACME'],
} as const;

/** Statuses whose certificate has a body to fetch. PENDING_VALIDATION / VALIDATION_TIMED_OUT / FAILED have none. */
const HAS_BODY = new Set(['ISSUED', 'EXPIRED', 'REVOKED', 'INACTIVE']);

/**
 * ACM: ListCertificates, then per certificate DescribeCertificate, GetCertificate (only when it has a body) and
 * ListTagsForCertificate, in parallel. The PEM body and chain are parsed with a real X.509 parser.
 */
export async function crawlAcm(ctx: ServiceCrawlContext, start: PagePosition): Promise<PagePosition | undefined> {
  return walkPages<CertificateSummary>({
    start,
    concurrency: ctx.concurrency,
    shouldYield: ctx.shouldYield,
    fetchPage: async (token) => {
      const out = await ctx.call.send(
        'acm:ListCertificates',
        new ListCertificatesCommand({
          Includes: { keyTypes: [...LIST_CERTIFICATES_FILTERS.Includes.keyTypes] },
          CertificateKeyPairOrigins: [...LIST_CERTIFICATES_FILTERS.CertificateKeyPairOrigins],
          MaxItems: LIST_CERTIFICATES_MAX_ITEMS,
          NextToken: token,
        }),
        (c) => ctx.clients.acm.send(c),
      );
      return { items: out.CertificateSummaryList ?? [], ...(out.NextToken ? { next: out.NextToken } : {}) };
    },
    handle: async (summary) => {
      const asset = await describeCertificate(ctx, summary);
      if (asset) await ctx.emit(asset);
    },
  });
}

/** What reading one certificate needs (the crawl's context without its listing parts). */
type ReadContext = Pick<ServiceCrawlContext, 'accountId' | 'region' | 'clients' | 'call'>;

async function describeCertificate(ctx: ReadContext, summary: CertificateSummary): Promise<DiscoveredAsset | undefined> {
  const arn = summary.CertificateArn!;
  const gaps: CoverageGap[] = [];
  let detail: CertificateDetail;
  let body: { pem: string; chain?: string } | undefined;
  let tags: Record<string, string>;
  try {
    [detail, body, tags] = await Promise.all([
      describeCertificateDetail(ctx, arn),
      HAS_BODY.has(summary.Status ?? '') ? certificateBody(ctx, arn, gaps) : Promise.resolve(undefined),
      certificateTags(ctx, arn, gaps),
    ]);
  } catch (err) {
    // Deleted between listing and describing.
    if (errorCode(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
  return certificateAsset(ctx, summary, detail, body, tags, gaps);
}

/**
 * One certificate by ARN as the crawl reports it, without a list entry: DescribeCertificate first (its status says
 * whether there is a body), then GetCertificate (only with a body) and ListTagsForCertificate. Undefined when ACM
 * does not know the certificate (deleted, or requested so recently that ACM cannot describe it yet).
 */
export async function describeCertificateByArn(ctx: ReadContext, arn: string): Promise<DiscoveredAsset | undefined> {
  const gaps: CoverageGap[] = [];
  try {
    const detail = await describeCertificateDetail(ctx, arn);
    const [body, tags] = await Promise.all([
      HAS_BODY.has(detail.Status ?? '') ? certificateBody(ctx, arn, gaps) : Promise.resolve(undefined),
      certificateTags(ctx, arn, gaps),
    ]);
    return certificateAsset(ctx, { CertificateArn: arn }, detail, body, tags, gaps);
  } catch (err) {
    if (errorCode(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

function describeCertificateDetail(ctx: ReadContext, arn: string): Promise<CertificateDetail> {
  return ctx.call
    .send('acm:DescribeCertificate', new DescribeCertificateCommand({ CertificateArn: arn }), (c) => ctx.clients.acm.send(c))
    .then((o) => o.Certificate ?? {});
}

function certificateTags(ctx: ReadContext, arn: string, gaps: CoverageGap[]): Promise<Record<string, string>> {
  return ctx.call
    .send('acm:ListTagsForCertificate', new ListTagsForCertificateCommand({ CertificateArn: arn }), (c) => ctx.clients.acm.send(c))
    .then((o) => userTags(o.Tags))
    .catch((err: unknown) => {
      if (!isAccessDeniedError(err)) throw err;
      gaps.push(coverageGap('acm:ListTagsForCertificate', err));
      return {};
    });
}

/** The asset from what ACM answered (the list entry's fields are fallbacks for the detail's). */
function certificateAsset(
  ctx: ReadContext,
  summary: CertificateSummary,
  detail: CertificateDetail,
  body: { pem: string; chain?: string } | undefined,
  tags: Record<string, string>,
  gaps: CoverageGap[],
): DiscoveredAsset {
  const arn = summary.CertificateArn!;
  let parsed: ParsedCertificate | undefined;
  if (body) {
    try {
      parsed = parseCertificatePem(body.pem, body.chain);
    } catch (err) {
      gaps.push(coverageGap('x509:parse', err));
    }
  }
  const status = detail.Status ?? summary.Status ?? 'UNKNOWN';
  const keyAlgorithm = detail.KeyAlgorithm ?? summary.KeyAlgorithm;
  const keyUsage = (detail.KeyUsages ?? []).map((k) => k.Name).filter((n): n is NonNullable<typeof n> => !!n);
  const crypto: CryptoProperties = parsed
    ? classifyCertificate(parsed, keyUsage)
    : compact({
        ...classifyAcmKeyAlgorithm(keyAlgorithm ?? 'UNKNOWN'),
        signatureAlgorithm: detail.SignatureAlgorithm,
        keyUsage: keyUsage.length > 0 ? keyUsage : undefined,
      });
  const certificateType = detail.Type ?? summary.Type;
  return {
    type: 'certificate',
    accountId: ctx.accountId,
    region: ctx.region,
    arn,
    name: detail.DomainName ?? summary.DomainName ?? arn,
    tags,
    crypto,
    lifecycle: compact({
      state: status,
      createdAt: iso(detail.CreatedAt ?? summary.CreatedAt),
      notBefore: parsed?.notBefore ?? iso(detail.NotBefore ?? summary.NotBefore),
      notAfter: parsed?.notAfter ?? iso(detail.NotAfter ?? summary.NotAfter),
      rotation: renewal(certificateType, detail.RenewalEligibility ?? summary.RenewalEligibility),
    }),
    relations: { inUseBy: detail.InUseBy ?? [] },
    details: compact({
      kind: 'certificate' as const,
      certificateType,
      domainName: detail.DomainName ?? summary.DomainName,
      subject: parsed?.subject ?? detail.Subject,
      issuer: parsed?.issuer ?? detail.Issuer,
      subjectAlternativeNames: parsed?.subjectAlternativeNames ?? detail.SubjectAlternativeNames,
      serialNumber: parsed?.serialNumber ?? detail.Serial?.replace(/:/g, '').toLowerCase(),
      fingerprintSha256: parsed?.fingerprintSha256,
      chainLength: parsed?.chainLength,
      renewalEligibility: detail.RenewalEligibility ?? summary.RenewalEligibility,
      keyAlgorithm: keyAlgorithm ? (normalizeAcmKeyAlgorithm(keyAlgorithm) ?? keyAlgorithm) : undefined,
      keyPairOrigin: detail.CertificateKeyPairOrigin ?? summary.CertificateKeyPairOrigin,
      managedBy: detail.ManagedBy ?? summary.ManagedBy,
      certificateAuthorityArn: detail.CertificateAuthorityArn,
    }),
    ...(gaps.length > 0 ? { coverageGaps: gaps } : {}),
  };
}

/** GetCertificate; a certificate still being issued answers RequestInProgressException and has no body yet. */
async function certificateBody(ctx: ReadContext, arn: string, gaps: CoverageGap[]): Promise<{ pem: string; chain?: string } | undefined> {
  try {
    const out = await ctx.call.send('acm:GetCertificate', new GetCertificateCommand({ CertificateArn: arn }), (c) => ctx.clients.acm.send(c));
    return out.Certificate ? { pem: out.Certificate, ...(out.CertificateChain ? { chain: out.CertificateChain } : {}) } : undefined;
  } catch (err) {
    if (errorCode(err) === 'RequestInProgressException') return undefined;
    if (isAccessDeniedError(err)) {
      gaps.push(coverageGap('acm:GetCertificate', err));
      return undefined;
    }
    throw err;
  }
}

/**
 * Renewal is a certificate's rotation. ACM renews Amazon-issued and private certificates it manages when they are
 * ELIGIBLE; "ACM does not provide managed renewal for imported certificates": not applicable to them.
 */
function renewal(type: string | undefined, eligibility: string | undefined): RotationInfo | undefined {
  if (type === 'IMPORTED') return { applicable: false, enabled: null };
  if (!eligibility) return undefined;
  return { applicable: true, enabled: eligibility === 'ELIGIBLE' };
}
