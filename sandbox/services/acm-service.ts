/**
 * ACM read APIs (AWS JSON 1.1, target prefix `CertificateManager`).
 * Behaviours: https://docs.aws.amazon.com/acm/latest/APIReference/ (ListCertificates, DescribeCertificate,
 * GetCertificate, ListTagsForCertificate).
 */
import { z } from 'zod';
import type { CertificateRecord } from '../estate/estate';
import { AwsServiceError } from '../protocol/aws-service-error';
import { decodeToken, encodeToken, page } from './pagination';
import type { ServiceContext, ServiceOperations } from './service-context';
import { compact, epochSeconds, parseInput } from './service-context';

/** "Default filtering returns only RSA_1024 and RSA_2048 certificates" and no ACME-origin ones. */
const DEFAULT_KEY_TYPES = ['RSA_1024', 'RSA_2048'];
const DEFAULT_ORIGINS = ['AWS_MANAGED', 'CUSTOMER_PROVIDED'];

const EXTENDED_KEY_USAGE_OIDS: Readonly<Record<string, string>> = {
  TLS_WEB_SERVER_AUTHENTICATION: '1.3.6.1.5.5.7.3.1',
  TLS_WEB_CLIENT_AUTHENTICATION: '1.3.6.1.5.5.7.3.2',
};

const ListInput = z.object({
  CertificateStatuses: z.array(z.string()).optional(),
  CertificateKeyPairOrigins: z.array(z.enum(['AWS_MANAGED', 'ACME', 'CUSTOMER_PROVIDED'])).min(1).max(3).optional(),
  Includes: z
    .object({
      keyTypes: z.array(z.string()).optional(),
      keyUsage: z.array(z.string()).optional(),
      extendedKeyUsage: z.array(z.string()).optional(),
      managedBy: z.string().optional(),
      exportOption: z.string().optional(),
    })
    .optional(),
  MaxItems: z.number().int().min(1).max(1000).optional(),
  NextToken: z.string().min(1).optional(),
  SortBy: z.string().optional(),
  SortOrder: z.enum(['ASCENDING', 'DESCENDING']).optional(),
});
const ArnInput = z.object({ CertificateArn: z.string().min(20).max(2048) });

function findCertificate(ctx: ServiceContext, arn: string): CertificateRecord {
  if (!/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/.test(arn)) {
    throw new AwsServiceError('InvalidArnException', `String '${arn}' is not a valid ARN`);
  }
  const cert = ctx.estate.acm.certificates.find((c) => c.arn === arn);
  if (!cert) throw new AwsServiceError('ResourceNotFoundException', `Could not find certificate ${arn}.`);
  return cert;
}

/** ListCertificates spells key algorithms like the enum (`RSA_2048`); DescribeCertificate with a hyphen (`RSA-2048`). */
function hyphenated(keyAlgorithm: string): string {
  return keyAlgorithm.replace('_', '-');
}

function matchesAny(have: readonly string[], wanted: readonly string[] | undefined): boolean {
  return wanted === undefined || wanted.some((w) => have.includes(w));
}

export const acmOperations: ServiceOperations = {
  ListCertificates(input, ctx) {
    const req = parseInput(ListInput, input);
    if (req.Includes?.exportOption !== undefined) {
      throw new AwsServiceError('ValidationException', 'The sandbox does not implement the Includes.exportOption filter of ListCertificates');
    }
    const keyTypes = req.Includes?.keyTypes ?? DEFAULT_KEY_TYPES;
    const origins = req.CertificateKeyPairOrigins ?? DEFAULT_ORIGINS;
    let certs = ctx.estate.acm.certificates.filter(
      (c) =>
        keyTypes.includes(c.keyAlgorithm) &&
        origins.includes(c.keyPairOrigin) &&
        (req.CertificateStatuses === undefined || req.CertificateStatuses.includes(c.status)) &&
        matchesAny(c.keyUsages, req.Includes?.keyUsage) &&
        matchesAny(c.extendedKeyUsages, req.Includes?.extendedKeyUsage),
    );
    if (req.Includes?.managedBy !== undefined) certs = [];
    if (req.SortBy === 'CREATED_AT') {
      certs = [...certs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (req.SortOrder === 'DESCENDING' ? -1 : 1));
    }
    const scope = `acm:ListCertificates:${JSON.stringify([keyTypes, origins, req.CertificateStatuses, req.Includes, req.SortBy, req.SortOrder])}`;
    const start = decodeToken(req.NextToken, scope, () => new AwsServiceError('InvalidArgsException', 'The NextToken is not valid.'))?.o ?? 0;
    const p = page(certs, start, req.MaxItems ?? 1000);
    return compact({
      CertificateSummaryList: p.items.map((c) =>
        compact({
          CertificateArn: c.arn,
          DomainName: c.domainName,
          SubjectAlternativeNameSummaries: c.subjectAlternativeNames,
          HasAdditionalSubjectAlternativeNames: false,
          Status: c.status,
          Type: c.type,
          KeyAlgorithm: c.keyAlgorithm,
          KeyUsages: c.keyUsages,
          ExtendedKeyUsages: c.extendedKeyUsages,
          InUse: c.inUseBy.length > 0,
          RenewalEligibility: c.renewalEligibility,
          NotBefore: epochSeconds(c.notBefore),
          NotAfter: epochSeconds(c.notAfter),
          CreatedAt: epochSeconds(c.createdAt),
          IssuedAt: epochSeconds(c.issuedAt),
          ImportedAt: epochSeconds(c.importedAt),
          CertificateKeyPairOrigin: c.keyPairOrigin,
        }),
      ),
      NextToken: p.next === undefined ? undefined : encodeToken(p.next, scope),
    });
  },

  DescribeCertificate(input, ctx) {
    const c = findCertificate(ctx, parseInput(ArnInput, input).CertificateArn);
    return {
      Certificate: compact({
        CertificateArn: c.arn,
        DomainName: c.domainName,
        SubjectAlternativeNames: c.subjectAlternativeNames,
        DomainValidationOptions:
          c.type === 'AMAZON_ISSUED'
            ? c.subjectAlternativeNames.map((d) => ({ DomainName: d, ValidationDomain: d, ValidationStatus: c.status === 'PENDING_VALIDATION' ? 'PENDING_VALIDATION' : 'SUCCESS', ValidationMethod: 'DNS' }))
            : undefined,
        Serial: c.serial,
        Subject: c.subject,
        Issuer: c.issuer,
        CreatedAt: epochSeconds(c.createdAt),
        IssuedAt: epochSeconds(c.issuedAt),
        ImportedAt: epochSeconds(c.importedAt),
        Status: c.status,
        NotBefore: epochSeconds(c.notBefore),
        NotAfter: epochSeconds(c.notAfter),
        KeyAlgorithm: hyphenated(c.keyAlgorithm),
        SignatureAlgorithm: c.signatureAlgorithm,
        InUseBy: c.inUseBy,
        Type: c.type,
        RenewalSummary: c.type === 'AMAZON_ISSUED' && c.status === 'ISSUED' ? { RenewalStatus: 'SUCCESS', DomainValidationOptions: [], UpdatedAt: epochSeconds(c.issuedAt) } : undefined,
        KeyUsages: c.keyUsages.map((Name) => ({ Name })),
        ExtendedKeyUsages: c.extendedKeyUsages.map((Name) => ({ Name, OID: EXTENDED_KEY_USAGE_OIDS[Name] })),
        RenewalEligibility: c.renewalEligibility,
        Options: { CertificateTransparencyLoggingPreference: 'ENABLED' },
        CertificateKeyPairOrigin: c.keyPairOrigin,
      }),
    };
  },

  GetCertificate(input, ctx) {
    const c = findCertificate(ctx, parseInput(ArnInput, input).CertificateArn);
    if (c.certificatePem === undefined) {
      throw new AwsServiceError('RequestInProgressException', `Certificate ${c.arn} is not yet issued: the certificate request is in process.`);
    }
    return compact({ Certificate: c.certificatePem, CertificateChain: c.chainPem });
  },

  ListTagsForCertificate(input, ctx) {
    const c = findCertificate(ctx, parseInput(ArnInput, input).CertificateArn);
    return { Tags: c.tags.map((t) => ({ Key: t.key, Value: t.value })) };
  },
};
