/**
 * Proves the platform can assume a customer's role with the tenant's ExternalId, and says which account the role is in.
 * Throws RoleAssumptionError (lambdas/control/errors.ts) when it cannot; any other error is a platform fault (500).
 */
export interface RoleVerifier {
  verify(roleArn: string, externalId: string): Promise<{ accountId: string }>;
}
