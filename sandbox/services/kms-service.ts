/**
 * KMS read APIs over the region's estate (AWS JSON 1.1, target prefix `TrentService`).
 * Behaviours: https://docs.aws.amazon.com/kms/latest/APIReference/ (page sizes and `Truncated` paging:
 * API_ListKeys.html, API_ListAliases.html; key states: https://docs.aws.amazon.com/kms/latest/developerguide/key-state.html).
 */
import { z } from 'zod';
import type { KmsKeyRecord } from '../estate/estate';
import { customerMasterKeySpec } from '../estate/key-specs';
import { AwsServiceError } from '../protocol/aws-service-error';
import { decodeToken, encodeToken, page } from './pagination';
import type { ServiceContext, ServiceOperations } from './service-context';
import { compact, epochSeconds, parseInput } from './service-context';

const ListInput = z.object({ Limit: z.number().int().min(1).max(1000).optional(), Marker: z.string().min(1).optional() });
const KeyInput = z.object({ KeyId: z.string().min(1).max(2048) });

const invalidMarker = () => new AwsServiceError('InvalidMarkerException', 'The request was rejected because the marker that specifies where pagination should next begin is not valid.');

function notFound(message: string): AwsServiceError {
  return new AwsServiceError('NotFoundException', message);
}

/** KMS list pages: `Truncated` says whether to go on, `NextMarker` where (loop on Truncated, not on the marker). */
function kmsPage<T>(all: readonly T[], marker: string | undefined, limit: number, scope: string): { items: T[]; Truncated: boolean; NextMarker?: string } {
  const start = decodeToken(marker, scope, invalidMarker)?.o ?? 0;
  const p = page(all, start, limit);
  return p.next === undefined ? { items: p.items, Truncated: false } : { items: p.items, Truncated: true, NextMarker: encodeToken(p.next, scope) };
}

interface ArnParts {
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

function parseKmsArn(arn: string): ArnParts | undefined {
  const m = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(.+)$/.exec(arn);
  return m ? { region: m[1], account: m[2], resource: m[3] } : undefined;
}

/** Resolves KeyId as key id, key ARN, alias name or alias ARN (aliases only where the API accepts them). */
function resolveKey(ctx: ServiceContext, keyIdInput: string, acceptAliases: boolean): KmsKeyRecord {
  let ref = keyIdInput;
  if (ref.startsWith('arn:')) {
    const arn = parseKmsArn(ref);
    if (!arn || arn.region !== ctx.region || arn.account !== ctx.accountId) throw notFound(`Invalid arn ${ctx.region}`);
    ref = arn.resource.startsWith('key/') ? arn.resource.slice(4) : arn.resource;
  }
  if (ref.startsWith('alias/')) {
    if (!acceptAliases) throw notFound(`Invalid keyId ${keyIdInput}`);
    return resolveAlias(ctx, ref);
  }
  const key = ctx.estate.kms.keys.find((k) => k.keyId === ref);
  if (!key) throw notFound(`Key 'arn:aws:kms:${ctx.region}:${ctx.accountId}:key/${ref}' does not exist`);
  return key;
}

function resolveAlias(ctx: ServiceContext, aliasName: string): KmsKeyRecord {
  const alias = ctx.estate.kms.aliases.find((a) => a.aliasName === aliasName);
  const aliasArn = `arn:aws:kms:${ctx.region}:${ctx.accountId}:${aliasName}`;
  if (alias?.targetKeyId) {
    const key = ctx.estate.kms.keys.find((k) => k.keyId === alias.targetKeyId);
    if (key) return key;
  }
  if (aliasName.startsWith('alias/aws/')) {
    // "AWS services use DescribeKey to create AWS managed keys from a predefined AWS alias with no key ID":
    // the call is a write. Do what AWS does, and record it so tests can prove the crawler never does this.
    ctx.recordViolation({ kind: 'predefined-alias-describe', detail: `DescribeKey on ${aliasName} created the AWS managed key` });
    return ctx.builder.awsManagedKey(ctx.region, aliasName.slice('alias/aws/'.length));
  }
  throw notFound(`Alias ${aliasArn} is not found.`);
}

function keyMetadata(key: KmsKeyRecord, accountId: string): Record<string, unknown> {
  const mrc = key.multiRegionConfiguration;
  return compact({
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: epochSeconds(key.creationDate),
    Enabled: key.enabled,
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.keyState,
    DeletionDate: epochSeconds(key.deletionDate),
    Origin: key.origin,
    ExpirationModel: key.origin === 'EXTERNAL' ? 'KEY_MATERIAL_DOES_NOT_EXPIRE' : undefined,
    KeyManager: key.keyManager,
    CustomerMasterKeySpec: customerMasterKeySpec(key.keySpec),
    KeySpec: key.keySpec,
    EncryptionAlgorithms: key.encryptionAlgorithms,
    SigningAlgorithms: key.signingAlgorithms,
    MacAlgorithms: key.macAlgorithms,
    MultiRegion: key.multiRegion,
    MultiRegionConfiguration: mrc
      ? {
          MultiRegionKeyType: mrc.multiRegionKeyType,
          PrimaryKey: { Arn: mrc.primaryKey.arn, Region: mrc.primaryKey.region },
          ReplicaKeys: mrc.replicaKeys.map((r) => ({ Arn: r.arn, Region: r.region })),
        }
      : undefined,
    PendingDeletionWindowInDays: key.pendingDeletionWindowInDays,
  });
}

export const kmsOperations: ServiceOperations = {
  ListKeys(input, ctx) {
    const { Limit = 100, Marker } = parseInput(ListInput, input);
    const { items, ...rest } = kmsPage(ctx.estate.kms.keys, Marker, Limit, 'kms:ListKeys');
    return { Keys: items.map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), ...rest };
  },

  ListAliases(input, ctx) {
    const { Limit = 50, Marker, KeyId } = parseInput(ListInput.extend({ KeyId: z.string().min(1).optional() }), input);
    const aliases = KeyId === undefined ? ctx.estate.kms.aliases : ctx.estate.kms.aliases.filter((a) => a.targetKeyId === resolveKey(ctx, KeyId, false).keyId);
    // The model allows 1000 but the documented range is 1–100: larger limits get pages of 100.
    const { items, ...rest } = kmsPage(aliases, Marker, Math.min(Limit, 100), `kms:ListAliases:${KeyId ?? ''}`);
    return {
      Aliases: items.map((a) =>
        compact({ AliasName: a.aliasName, AliasArn: a.aliasArn, TargetKeyId: a.targetKeyId, CreationDate: epochSeconds(a.creationDate), LastUpdatedDate: epochSeconds(a.lastUpdatedDate) }),
      ),
      ...rest,
    };
  },

  DescribeKey(input, ctx) {
    const { KeyId } = parseInput(KeyInput, input);
    return { KeyMetadata: keyMetadata(resolveKey(ctx, KeyId, true), ctx.accountId) };
  },

  GetKeyPolicy(input, ctx) {
    const { KeyId, PolicyName = 'default' } = parseInput(KeyInput.extend({ PolicyName: z.string().optional() }), input);
    const key = resolveKey(ctx, KeyId, false);
    if (PolicyName !== 'default') throw notFound(`Policy ${PolicyName} does not exist`);
    if (key.policyDeniesRole && ctx.identity.roleArn === ctx.roleArn) {
      throw new AwsServiceError(
        'AccessDeniedException',
        `User: ${ctx.identity.arn} is not authorized to perform: kms:GetKeyPolicy on resource: ${key.arn} with an explicit deny in a resource-based policy`,
      );
    }
    return { Policy: key.policy, PolicyName: 'default' };
  },

  GetKeyRotationStatus(input, ctx) {
    const { KeyId } = parseInput(KeyInput, input);
    const key = resolveKey(ctx, KeyId, false);
    if (key.origin === 'EXTERNAL') throw new AwsServiceError('UnsupportedOperationException', `${key.arn} origin is EXTERNAL which is not valid for this operation.`);
    if (!key.rotation.applicable) {
      // KMS documents both answers for asymmetric/HMAC keys; the sandbox gives the historical exception.
      throw new AwsServiceError('UnsupportedOperationException', 'You cannot perform this operation on a non-symmetric key or a key with non-ENCRYPT_DECRYPT key usage.');
    }
    if (key.keyManager === 'AWS') {
      return compact({ KeyId: key.arn, KeyRotationEnabled: true, RotationPeriodInDays: 365, NextRotationDate: epochSeconds(key.rotation.nextRotationDate) });
    }
    // "While a KMS key is pending deletion, its key rotation status is false."
    const enabled = key.rotation.enabled && key.keyState !== 'PendingDeletion';
    return compact({
      KeyId: key.arn,
      KeyRotationEnabled: enabled,
      RotationPeriodInDays: enabled ? key.rotation.periodDays : undefined,
      NextRotationDate: enabled ? epochSeconds(key.rotation.nextRotationDate) : undefined,
    });
  },

  ListResourceTags(input, ctx) {
    const { KeyId, Limit = 50, Marker } = parseInput(ListInput.extend({ KeyId: z.string().min(1) }), input);
    const key = resolveKey(ctx, KeyId, false);
    // Documented range 1–50 even though the model allows 1000.
    const { items, ...rest } = kmsPage(key.tags, Marker, Math.min(Limit, 50), `kms:ListResourceTags:${key.keyId}`);
    return { Tags: items.map((t) => ({ TagKey: t.key, TagValue: t.value })), ...rest };
  },
};
