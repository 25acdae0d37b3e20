import { createHash } from 'node:crypto';

/** An SQS message attribute as SendMessage takes it (AWS JSON protocol shape). */
export interface SqsMessageAttributeValue {
  readonly DataType: string;
  readonly StringValue?: string;
  /** base64 in the JSON protocol */
  readonly BinaryValue?: string;
}

export const md5Hex = (data: string | Buffer) => createHash('md5').update(data).digest('hex');

/**
 * MD5 of the message attributes as SQS computes it (names sorted; each name, data type, transport type and value
 * length-prefixed), so SDKs that check it accept our answers.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-message-metadata.html#sqs-attributes-md5-message-digest-calculation
 */
export function md5OfMessageAttributes(attributes: Readonly<Record<string, SqsMessageAttributeValue>>): string {
  const chunks: Buffer[] = [];
  const lengthPrefixed = (value: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(value.length);
    chunks.push(len, value);
  };
  for (const name of Object.keys(attributes).sort()) {
    const attribute = attributes[name];
    lengthPrefixed(Buffer.from(name, 'utf8'));
    lengthPrefixed(Buffer.from(attribute.DataType, 'utf8'));
    const binary = attribute.DataType.startsWith('Binary');
    chunks.push(Buffer.from([binary ? 2 : 1]));
    lengthPrefixed(binary ? Buffer.from(attribute.BinaryValue ?? '', 'base64') : Buffer.from(attribute.StringValue ?? '', 'utf8'));
  }
  return md5Hex(Buffer.concat(chunks));
}

/** Lambda's SQS event shape of a message attribute (camelCase, with the always-empty list fields). */
export function lambdaMessageAttribute(attribute: SqsMessageAttributeValue) {
  return {
    dataType: attribute.DataType,
    ...(attribute.StringValue !== undefined ? { stringValue: attribute.StringValue } : {}),
    ...(attribute.BinaryValue !== undefined ? { binaryValue: attribute.BinaryValue } : {}),
    stringListValues: [] as string[],
    binaryListValues: [] as string[],
  };
}
