import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import DatePicker from '@cloudscape-design/components/date-picker';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import type { SuppressionBody } from '../../api/types';
import { errorText } from '../../common/request-error';
import { expiryInstant, suppressionProblems } from './suppression-form';

/** Suppress with a reason and an optional expiry (admin); the API's refusal is shown in the modal, not lost. */
export function SuppressModal({
  visible,
  onDismiss,
  onSubmit,
  pending,
  error,
}: {
  visible: boolean;
  onDismiss: () => void;
  onSubmit: (body: SuppressionBody) => void;
  pending: boolean;
  error: unknown;
}) {
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState('');
  const [tried, setTried] = useState(false);
  const problems = suppressionProblems(reason, expiry, new Date());
  const submit = () => {
    setTried(true);
    if (problems.reason || problems.expiry) return;
    onSubmit({ reason: reason.trim(), ...(expiry && { expiresAt: expiryInstant(expiry) }) });
  };
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header="Suppress finding"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" loading={pending} onClick={submit}>
              Suppress
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Form errorText={error ? errorText(error) : undefined}>
          <SpaceBetween size="m">
            <Box variant="p">A suppressed finding leaves the open list and the counts. It opens again when the expiry passes or the suppression is lifted.</Box>
            <FormField label="Reason" errorText={tried ? problems.reason : undefined} description="Kept with the finding, with your token and the time.">
              <Textarea value={reason} onChange={(e) => setReason(e.detail.value)} ariaRequired placeholder="e.g. Legacy key, retired in Q1" />
            </FormField>
            <FormField label="Expires (optional)" errorText={tried ? problems.expiry : undefined} description="The finding opens again after this day (UTC). Leave empty to keep it suppressed.">
              <DatePicker
                value={expiry}
                onChange={(e) => setExpiry(e.detail.value)}
                placeholder="YYYY/MM/DD"
                openCalendarAriaLabel={(selected) => `Choose the expiry date${selected ? `, selected ${selected}` : ''}`}
                isDateEnabled={(d) => d.getTime() > Date.now() - 86_400_000}
              />
            </FormField>
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}
