import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DecryptCommand, GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, GetParametersCommand } from '@aws-sdk/client-ssm';
import { CallContext } from '../../../lambdas/discovery/call-context';
import { createCustomerClients } from '../../../lambdas/discovery/region-clients';
import { FORBIDDEN_OPERATIONS, ForbiddenOperationError } from '../../../lambdas/discovery/secret-read-guard';

const SOURCE_DIRS = ['lambdas/discovery', 'lambdas/crypto'];

function sources(): { file: string; text: string }[] {
  return SOURCE_DIRS.flatMap((dir) =>
    readdirSync(join(__dirname, '../../..', dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => {
        const file = join(e.parentPath, e.name);
        // Comments may name the operations (to say they are never called); code may not.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
        return { file, text: code };
      }),
  );
}

describe('the engine never reads secret material', () => {
  test('no discovery source imports or names a secret-reading command (only the guard lists them)', () => {
    const offenders = sources()
      .filter((s) => !s.file.endsWith('secret-read-guard.ts'))
      .flatMap((s) =>
        FORBIDDEN_OPERATIONS.filter((op) => new RegExp(`\\b${op}(Command)?\\b`).test(s.text)).map((op) => `${s.file}: ${op}`),
      );
    expect(offenders).toEqual([]);
    expect(sources().length).toBeGreaterThan(10); // the scan really looked at the sources
  });

  test.each([
    ['secretsManager', () => new GetSecretValueCommand({ SecretId: 'x' })],
    ['ssm', () => new GetParameterCommand({ Name: 'x', WithDecryption: true })],
    ['ssm', () => new GetParametersCommand({ Names: ['x'] })],
    ['kms', () => new DecryptCommand({ CiphertextBlob: new Uint8Array([1]) })],
    ['kms', () => new GenerateDataKeyCommand({ KeyId: 'k', KeySpec: 'AES_256' })],
  ] as const)('every client we create refuses %s %p before sending anything', async (client, make) => {
    const requestHandler = { handle: jest.fn(), updateHttpClientConfig: () => undefined, httpHandlerConfigs: () => ({}) };
    const clients = createCustomerClients({ region: 'eu-west-1', credentials: { accessKeyId: 'AKID', secretAccessKey: 's' } });
    const c = clients[client] as unknown as { send: (cmd: unknown) => Promise<unknown>; config: { requestHandler: unknown } };
    c.config.requestHandler = requestHandler;
    await expect(c.send(make())).rejects.toBeInstanceOf(ForbiddenOperationError);
    expect(requestHandler.handle).not.toHaveBeenCalled();
  });

  test('CallContext refuses them by name too', async () => {
    const ctx = new CallContext('eu-west-1');
    const send = jest.fn();
    await expect(ctx.send('secretsmanager:GetSecretValue', new GetSecretValueCommand({ SecretId: 'x' }), send)).rejects.toBeInstanceOf(ForbiddenOperationError);
    expect(send).not.toHaveBeenCalled();
  });
});
