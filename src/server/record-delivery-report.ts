import type { SmsDeliveryReport } from '../screening/transports/sms-transport.js';
import type { Store } from '../store/open-store.js';

/** What a delivery receipt changed. */
export interface DeliveryReportResult {
  /** `updated`; `stale` when the message already has a later status; `unknown` when no message has this id. */
  result: 'updated' | 'stale' | 'unknown';
  status: SmsDeliveryReport['status'];
}

// Receipts arrive out of order: a status never goes back (a late `sent` after `delivered` is ignored).
const RANK = `CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2
  WHEN 'undelivered' THEN 2 WHEN 'failed' THEN 2 WHEN 'read' THEN 3 ELSE -1 END`;
const RANKS: Record<SmsDeliveryReport['status'], number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  undelivered: 2,
  failed: 2,
  read: 3,
};

/**
 * Sets the status of the outbound message a provider knows by `providerMessageId`, in one statement
 * (two servers receiving receipts for the same message never move it backwards).
 */
export async function recordDeliveryReport(
  store: Store,
  provider: string,
  report: SmsDeliveryReport,
): Promise<DeliveryReportResult> {
  const updated = await store.sql.query<{ id: unknown }>(
    `UPDATE messages SET status = $3, error = $4, updated_at = now()
      WHERE provider = $1 AND provider_message_id = $2 AND direction = 'out' AND ${RANK} < $5
      RETURNING id`,
    [provider, report.providerMessageId, report.status, report.errorCode, RANKS[report.status]],
  );
  if (updated.length > 0) return { result: 'updated', status: report.status };
  const existing = await store.sql.query<{ id: unknown }>(
    `SELECT id FROM messages WHERE provider = $1 AND provider_message_id = $2 AND direction = 'out'`,
    [provider, report.providerMessageId],
  );
  return { result: existing.length > 0 ? 'stale' : 'unknown', status: report.status };
}
