/** Domain errors of the control plane (tenants, tokens, accounts, ingestions). lambdas/api/error-status.ts maps them to HTTP. */

export class NotFoundError extends Error {
  constructor(readonly resource: string, readonly id: string) {
    super(`${resource} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}

export class TenantNotFoundError extends NotFoundError {
  constructor(tenantId: string) {
    super('Tenant', tenantId);
    this.name = 'TenantNotFoundError';
  }
}

export class TokenNotFoundError extends NotFoundError {
  constructor(tokenId: string) {
    super('Token', tokenId);
    this.name = 'TokenNotFoundError';
  }
}

export class AccountNotFoundError extends NotFoundError {
  constructor(accountId: string) {
    super('Account', accountId);
    this.name = 'AccountNotFoundError';
  }
}

export class IngestionNotFoundError extends NotFoundError {
  constructor(ingestionId: string) {
    super('Ingestion', ingestionId);
    this.name = 'IngestionNotFoundError';
  }
}

/** An ingestion of this account is already running (the account item holds `runningIngestionId`). */
export class IngestionAlreadyRunningError extends Error {
  constructor(readonly accountId: string, readonly runningIngestionId: string) {
    super(`An ingestion of account ${accountId} is already running (${runningIngestionId})`);
    this.name = 'IngestionAlreadyRunningError';
  }
}

/** The account exists but was unlinked: link it again before ingesting. */
export class AccountNotLinkedError extends Error {
  constructor(readonly accountId: string) {
    super(`Account ${accountId} is not linked; link it again before starting an ingestion`);
    this.name = 'AccountNotLinkedError';
  }
}

export type RoleAssumptionReason = 'TRUST_OR_EXTERNAL_ID' | 'ROLE_NOT_FOUND' | 'OTHER';

/** The customer role could not be assumed; the message says in words what the customer should check. */
export class RoleAssumptionError extends Error {
  constructor(readonly reason: RoleAssumptionReason, message: string, readonly awsErrorCode?: string) {
    super(message);
    this.name = 'RoleAssumptionError';
  }
}

/** The role was assumed, but it lives in another account than the one the ARN or the path names. */
export class AccountMismatchError extends Error {
  constructor(readonly expectedAccountId: string, readonly actualAccountId: string) {
    super(
      `The role belongs to account ${actualAccountId}, but account ${expectedAccountId} was expected. ` +
        'Use the role ARN from the stack outputs of the account you are connecting.',
    );
    this.name = 'AccountMismatchError';
  }
}

/**
 * STS could not answer for a reason that is neither the customer's role nor the request (throttling, STS
 * unavailable, our own credentials expired): a 503 the caller may retry, with the AWS error code as the reason.
 */
export class RoleVerificationUnavailableError extends Error {
  constructor(readonly awsErrorCode: string) {
    super(`AWS STS could not verify the role right now (${awsErrorCode}); retry in a minute.`);
    this.name = 'RoleVerificationUnavailableError';
  }
}
