/**
 * The "never read secret material" guarantee, enforced at run time: every customer-account client we create carries
 * a middleware that refuses these operations before anything is signed or sent, and every call the engine makes goes
 * through `CallContext.send`, which refuses them too. (A unit test also scans the discovery sources for them.)
 */
export const FORBIDDEN_OPERATIONS: readonly string[] = [
  'GetSecretValue',
  'BatchGetSecretValue',
  'GetParameter',
  'GetParameters',
  'GetParametersByPath',
  'GetParameterHistory',
  'Decrypt',
  'GenerateDataKey',
  'GenerateDataKeyPair',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncrypt',
  'ExportCertificate',
];

export class ForbiddenOperationError extends Error {
  constructor(readonly operation: string) {
    super(`refusing to call ${operation}: discovery never reads secret material`);
    this.name = 'ForbiddenOperationError';
  }
}

/** "GetSecretValueCommand" / "secretsmanager:GetSecretValue" / "GetSecretValue" → is it forbidden? */
export function isForbiddenOperation(name: string): boolean {
  const op = name.replace(/^.*:/, '').replace(/Command$/, '');
  return FORBIDDEN_OPERATIONS.includes(op);
}

interface StackClient {
  middlewareStack: { add: (mw: never, options: { step: 'initialize'; name: string; priority: 'high' }) => void };
}

/** Adds the refusing middleware to an SDK v3 client (initialize step: before serialization and signing). */
export function guardAgainstSecretReads<C extends StackClient>(client: C): C {
  const mw =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown): Promise<unknown> => {
      if (context.commandName && isForbiddenOperation(context.commandName)) throw new ForbiddenOperationError(context.commandName);
      return next(args);
    };
  client.middlewareStack.add(mw as never, { step: 'initialize', name: 'aqgSecretReadGuard', priority: 'high' });
  return client;
}
