// Tests never reach AWS: fixed fake credentials and region so SDK clients never search the machine for real ones.
process.env.AWS_ACCESS_KEY_ID ??= 'AKIDTESTTESTTEST';
process.env.AWS_SECRET_ACCESS_KEY ??= 'test-secret';
process.env.AWS_REGION ??= 'us-east-1';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
delete process.env.AWS_PROFILE;
