/**
 * Migration 1: every table but the embedding vectors (whose column type depends on pgvector, see 0002).
 * Plain PostgreSQL 15 SQL, run as is on PGlite and on a server. Never edit a released migration: add one.
 */
export const coreMigration = `
CREATE TABLE store_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pools (
  name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One candidate profile per pool and profile id (cv_ + 16 hex of the file's SHA-256).
CREATE TABLE profiles (
  pool text NOT NULL REFERENCES pools (name) ON DELETE CASCADE,
  id text NOT NULL,
  source_hash text NOT NULL,
  source_path text,
  profile jsonb NOT NULL,
  warnings jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Last time the candidate was added, updated or contacted: the retention clock (purge).
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pool, id),
  UNIQUE (pool, source_hash)
);
CREATE INDEX profiles_source_path ON profiles (pool, source_path);
CREATE INDEX profiles_last_activity ON profiles (last_activity_at);

CREATE TABLE job_orders (
  id text PRIMARY KEY,
  job jsonb NOT NULL,
  title text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
  id text PRIMARY KEY,
  job_order_id text NOT NULL REFERENCES job_orders (id),
  pool text NOT NULL,
  headcount integer NOT NULL CHECK (headcount > 0),
  status text NOT NULL DEFAULT 'active',
  settings jsonb NOT NULL DEFAULT '{}',
  state jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A screening conversation. state is the engine's JSON; version guards concurrent updates (optimistic
-- locking); due_at is when a worker must look at it next (reminder, timeout), NULL when nothing is due.
CREATE TABLE conversations (
  id text PRIMARY KEY,
  campaign_id text REFERENCES campaigns (id) ON DELETE CASCADE,
  pool text,
  candidate_id text NOT NULL,
  phone_hash text,
  status text NOT NULL DEFAULT 'active',
  state jsonb,
  version integer NOT NULL DEFAULT 1,
  due_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  purged_at timestamptz,
  UNIQUE (campaign_id, candidate_id)
);
CREATE INDEX conversations_due ON conversations (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX conversations_phone ON conversations (phone_hash, status);

CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  body text,
  provider text,
  provider_message_id text,
  idempotency_key text NOT NULL UNIQUE,
  status text NOT NULL,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  purged_at timestamptz
);
CREATE UNIQUE INDEX messages_provider_id ON messages (provider, provider_message_id)
  WHERE provider_message_id IS NOT NULL;
CREATE INDEX messages_conversation ON messages (conversation_id, id);

-- Agency-wide STOP list: a keyed hash (HMAC-SHA-256) of the E.164 phone number, never the number.
CREATE TABLE opt_outs (
  phone_hash text PRIMARY KEY,
  opted_out_at timestamptz NOT NULL,
  source text NOT NULL,
  campaign_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Every message sent to a person, across orders: frequency caps count rows here.
CREATE TABLE contact_log (
  id bigserial PRIMARY KEY,
  phone_hash text NOT NULL,
  campaign_id text,
  conversation_id text,
  channel text NOT NULL DEFAULT 'sms',
  contacted_at timestamptz NOT NULL
);
CREATE INDEX contact_log_phone ON contact_log (phone_hash, contacted_at);

CREATE TABLE decisions (
  id bigserial PRIMARY KEY,
  campaign_id text REFERENCES campaigns (id) ON DELETE SET NULL,
  candidate_id text NOT NULL,
  decision text NOT NULL,
  decided_by text NOT NULL,
  reason text,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_campaign ON decisions (campaign_id, decided_at);

-- The audit trail (EU AI Act logs): append-only, enforced by the triggers below.
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  run_id text NOT NULL,
  seq integer NOT NULL,
  type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  event jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, seq)
);
CREATE INDEX audit_events_type ON audit_events (type, occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'CVM01';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- What each retention purge removed: the counts stay when the data is gone.
CREATE TABLE purges (
  id bigserial PRIMARY KEY,
  purged_at timestamptz NOT NULL DEFAULT now(),
  cutoff timestamptz NOT NULL,
  profiles_deleted integer NOT NULL,
  messages_scrubbed integer NOT NULL,
  conversations_scrubbed integer NOT NULL,
  contacts_deleted integer NOT NULL,
  decisions_scrubbed integer NOT NULL
);
`;
