/** Errors of the event pipeline. The intake maps the first two to HTTP statuses; the processor lets the rest fail a record. */

/** The request body is not a valid EventBridge event. `field` is the dotted path of the first problem. */
export class InvalidEventError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** The body (or the queue message built from it) is larger than we accept. */
export class EventTooLargeError extends Error {
  constructor(
    readonly sizeBytes: number,
    readonly limitBytes: number,
  ) {
    super(`The event is ${sizeBytes} bytes; the limit is ${limitBytes} bytes.`);
    this.name = 'EventTooLargeError';
  }
}

/** The queue did not take the message: transient from EventBridge's point of view (it retries 5xx). */
export class EventQueueUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('The event queue did not accept the event.', options);
    this.name = 'EventQueueUnavailableError';
  }
}

/** An asset kept changing under us (optimistic concurrency lost too many times): the record is retried by SQS. */
export class ConcurrentAssetUpdateError extends Error {
  constructor(readonly assetArn: string) {
    super(`Gave up applying an event to ${assetArn} after repeated concurrent updates.`);
    this.name = 'ConcurrentAssetUpdateError';
  }
}

/** A queue message that is not what the intake writes: poison, it fails alone and ends in the dead-letter queue. */
export class MalformedQueueMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedQueueMessageError';
  }
}

/**
 * ACM does not know a just-requested certificate yet: the record fails alone and SQS redelivers it later (the other
 * records of the batch are not held); on redelivery past the window, "not found" is final.
 */
export class CertificateNotYetVisibleError extends Error {
  constructor(readonly arn: string) {
    super(`ACM does not know ${arn} yet; the event is retried later.`);
    this.name = 'CertificateNotYetVisibleError';
  }
}

/**
 * The customer account refused a describe for a reason a retry cannot change (an ARN it calls invalid, a Region not
 * enabled): the record is dead-lettered at once with this reason instead of being received five times.
 */
export class AssetUnreadableError extends Error {
  constructor(
    readonly arn: string,
    readonly reason: string,
  ) {
    super(`${arn} cannot be read from the customer account: ${reason}`);
    this.name = 'AssetUnreadableError';
  }
}
