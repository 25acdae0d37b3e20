import type { z } from 'zod';

/** Bad input: answered 400 with the offending field named. */
export class ValidationError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'ValidationError';
  }

  /**
   * The first zod issue as a field name (dotted path; for a strict object, the unknown key) and a message.
   * `fallbackField` names the whole input when the issue has no path (e.g. a body that is not an object).
   */
  static fromZod(error: z.ZodError, fallbackField: string): ValidationError {
    const issue = error.issues[0];
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) {
      return new ValidationError([...path, issue.keys[0]].join('.'), `Unknown field: ${issue.keys.join(', ')}`);
    }
    return new ValidationError(path.length > 0 ? path.join('.') : fallbackField, issue.message);
  }
}
