import {
  InvalidEventPatternError,
  matchesEventPattern,
  UnsupportedPatternOperatorError,
} from '../support/event-pattern-matcher';

// Examples follow https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
const event = {
  source: 'aws.ec2',
  'detail-type': 'EC2 Instance State-change Notification',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-1', 'arn:aws:ec2:us-east-1:123456789012:volume/v-1'],
  detail: { state: 'running', 'c-count': 5, empty: '', nothing: null, nested: { name: 'Alice' }, file: 'photo.PNG' },
};

describe('matchesEventPattern', () => {
  it.each<[string, unknown, boolean]>([
    ['exact value', { source: ['aws.ec2'] }, true],
    ['exact value mismatch', { source: ['aws.s3'] }, false],
    ['values of one key are ORed', { source: ['aws.s3', 'aws.ec2'] }, true],
    ['keys are ANDed', { source: ['aws.ec2'], detail: { state: ['stopped'] } }, false],
    ['nested objects', { detail: { nested: { name: ['Alice'] } } }, true],
    ['array field matches any element', { resources: ['arn:aws:ec2:us-east-1:123456789012:volume/v-1'] }, true],
    ['empty string', { detail: { empty: [''] } }, true],
    ['null value', { detail: { nothing: [null] } }, true],
    ['number is not its string', { detail: { 'c-count': ['5'] } }, false],
    ['prefix', { detail: { state: [{ prefix: 'run' }] } }, true],
    ['prefix mismatch', { detail: { state: [{ prefix: 'stop' }] } }, false],
    ['prefix ignore case', { detail: { state: [{ prefix: { 'equals-ignore-case': 'RUN' } }] } }, true],
    ['suffix', { detail: { file: [{ suffix: '.PNG' }] } }, true],
    ['suffix is case-sensitive', { detail: { file: [{ suffix: '.png' }] } }, false],
    ['suffix ignore case', { detail: { file: [{ suffix: { 'equals-ignore-case': '.png' } }] } }, true],
    ['equals-ignore-case', { detail: { state: [{ 'equals-ignore-case': 'RUNNING' }] } }, true],
    ['anything-but value', { detail: { state: [{ 'anything-but': 'stopped' }] } }, true],
    ['anything-but value excluded', { detail: { state: [{ 'anything-but': 'running' }] } }, false],
    ['anything-but list excluded', { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, false],
    ['anything-but prefix', { detail: { state: [{ 'anything-but': { prefix: 'run' } }] } }, false],
    ['anything-but suffix', { detail: { file: [{ 'anything-but': { suffix: '.jpg' } }] } }, true],
    ['anything-but never matches a missing field', { detail: { absent: [{ 'anything-but': 'x' }] } }, false],
    ['exists true', { detail: { state: [{ exists: true }] } }, true],
    ['exists true on missing field', { detail: { absent: [{ exists: true }] } }, false],
    ['exists false on missing field', { detail: { absent: [{ exists: false }] } }, true],
    ['exists false on present field', { detail: { state: [{ exists: false }] } }, false],
    ['exists false under a missing object', { missing: { absent: [{ exists: false }] } }, true],
    ['numeric range', { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } }, true],
    ['numeric out of range', { detail: { 'c-count': [{ numeric: ['<', 5] }] } }, false],
    ['wildcard', { detail: { file: [{ wildcard: 'photo.*' }] } }, true],
    ['wildcard mismatch', { detail: { file: [{ wildcard: '*.jpg' }] } }, false],
    ['$or: one alternative matches', { $or: [{ source: ['aws.s3'] }, { detail: { state: ['running'] } }] }, true],
    ['$or: none matches', { $or: [{ source: ['aws.s3'] }, { detail: { state: ['stopped'] } }] }, false],
    ['$or inside detail', { detail: { $or: [{ state: ['stopped'] }, { 'c-count': [5] }] } }, true],
    [
      '$or is ANDed with sibling keys',
      { source: ['aws.s3'], $or: [{ detail: { state: ['running'] } }, { detail: { file: ['photo.PNG'] } }] },
      false,
    ],
    [
      'nested $or',
      { $or: [{ source: ['aws.s3'] }, { source: ['aws.ec2'], $or: [{ detail: { state: ['x'] } }, { detail: { 'c-count': [5] } }] }] },
      true,
    ],
  ])('%s', (_name, pattern, expected) => {
    expect(matchesEventPattern(pattern, event)).toBe(expected);
  });

  it('rejects operators it does not implement instead of guessing', () => {
    expect(() => matchesEventPattern({ detail: { ip: [{ cidr: '10.0.0.0/24' }] } }, { detail: { ip: '10.0.0.1' } })).toThrow(
      UnsupportedPatternOperatorError,
    );
  });

  it('rejects malformed patterns', () => {
    expect(() => matchesEventPattern({ source: 'aws.ec2' }, event)).toThrow(InvalidEventPatternError);
    expect(() => matchesEventPattern({ $or: [{ source: ['aws.ec2'] }] }, event)).toThrow(InvalidEventPatternError);
    expect(() => matchesEventPattern([], event)).toThrow(InvalidEventPatternError);
  });
});
