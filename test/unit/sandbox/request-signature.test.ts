import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { verifySignature } from '../../../sandbox/protocol/request-signature';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const toBytes = (data: ArrayBuffer | ArrayBufferView): Uint8Array =>
  ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** The SDK signer's hash interface over node:crypto (SHA-256, or HMAC-SHA-256 when given a key). */
class NodeSha256 {
  private chunks: Array<string | Uint8Array> = [];
  private readonly secret?: string | Uint8Array;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.secret = secret === undefined || typeof secret === 'string' ? secret : toBytes(secret);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.chunks.push(typeof data === 'string' ? data : toBytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const hash = this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
    for (const chunk of this.chunks) hash.update(chunk);
    return new Uint8Array(hash.digest());
  }
  reset(): void {
    this.chunks = [];
  }
}

describe('verifySignature (SigV4)', () => {
  it('accepts the get-vanilla example of the AWS SigV4 test suite, and nothing signed with another key', () => {
    // GIVEN https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html, test suite "get-vanilla"
    const request = {
      method: 'GET',
      url: '/',
      body: '',
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
    };
    // THEN
    expect(verifySignature(request, SECRET)).toBe(true);
    expect(verifySignature(request, `${SECRET}x`)).toBe(false);
    expect(verifySignature({ ...request, body: 'changed' }, SECRET)).toBe(false);
    expect(verifySignature({ ...request, headers: { ...request.headers, host: 'other.amazonaws.com' } }, SECRET)).toBe(false);
  });

  it('accepts what the SDK signer produces for a POST with a query string and a body', async () => {
    // GIVEN
    const signer = new SignatureV4({ service: 'kms', region: 'eu-west-1', sha256: NodeSha256, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET } });
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: 4566,
        path: '/a%20b/c', // as on the wire: the signer encodes it once more
        query: { z: 'last', a: ['2', '1'], 'k*': "it's" },
        headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
        body: '{"Limit":5}',
      },
      { signingDate: new Date('2026-03-01T12:00:00Z') },
    );
    const query = 'z=last&a=2&a=1&k%2A=it%27s';
    // THEN
    expect(verifySignature({ method: 'POST', url: `/a%20b/c?${query}`, headers: signed.headers, body: '{"Limit":5}' }, SECRET)).toBe(true);
    expect(verifySignature({ method: 'POST', url: `/a%20b/c?${query}`, headers: signed.headers, body: '{"Limit":6}' }, SECRET)).toBe(false);
  });
});
