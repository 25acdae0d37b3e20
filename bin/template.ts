/** `npm run template`: writes templates/cloudformation-template.json from lib/ (no cdk CLI needed). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeCustomerTemplate, synthesizeCustomerTemplate } from '../lib/synth-customer-template';

export const CUSTOMER_TEMPLATE_PATH = join(__dirname, '..', 'templates', 'cloudformation-template.json');

writeFileSync(CUSTOMER_TEMPLATE_PATH, serializeCustomerTemplate(synthesizeCustomerTemplate()));
console.log(`wrote ${CUSTOMER_TEMPLATE_PATH}`);
