import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCustomerTemplate, synthesizeCustomerTemplate } from '../../lib/synth-customer-template';

describe('templates/cloudformation-template.json', () => {
  it('equals a fresh synthesis of lib/ (run `npm run template` after changing the template)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'templates', 'cloudformation-template.json'), 'utf8');
    const fresh = serializeCustomerTemplate(synthesizeCustomerTemplate());
    if (committed !== fresh) {
      throw new Error('templates/cloudformation-template.json is out of date: run npm run template and commit the result');
    }
    expect(committed.endsWith('}\n')).toBe(true);
  });
});
