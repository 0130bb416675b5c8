/**
 * Migration 3: what the campaign engine schedules. A campaign has a `due_at` (next wave check) like a
 * conversation; messages held for quiet hours wait in `messages` with status `scheduled` and a `send_after`.
 */
export const campaignSchedulingMigration = `
ALTER TABLE campaigns ADD COLUMN due_at timestamptz;
CREATE INDEX campaigns_due ON campaigns (due_at) WHERE due_at IS NOT NULL;

ALTER TABLE messages ADD COLUMN send_after timestamptz;
CREATE INDEX messages_scheduled ON messages (conversation_id, id) WHERE status = 'scheduled';

CREATE INDEX conversations_campaign_status ON conversations (campaign_id, status);
CREATE INDEX contact_log_campaign ON contact_log (phone_hash, campaign_id, contacted_at);
`;
