import { createHmac, randomBytes } from 'node:crypto';
import { phoneNumbers } from '../support/phone-numbers.js';
import { StoreError } from './errors.js';
import type { SqlClient } from './sql-client.js';

/** Hashes a phone number for the opt-out registry and the contact log. */
export type PhoneHasher = (phone: string) => string;

/**
 * The phone in E.164 (French numbers without a country code are read as French); digits only when
 * libphonenumber cannot read it, so the same written number always gives the same hash.
 */
export function canonicalPhone(phone: string): string {
  const parsed = phoneNumbers().parsePhoneNumberFromString(phone, 'FR');
  if (parsed?.isPossible()) return parsed.number;
  return phone.replace(/[^\d+]/g, '');
}

/** HMAC-SHA-256 of the canonical phone with the store's key, hex. Without the key the hash reveals nothing. */
export function createPhoneHasher(key: Buffer): PhoneHasher {
  return (phone) => createHmac('sha256', key).update(canonicalPhone(phone)).digest('hex');
}

function fingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('cvmatch phone-hash key check').digest('hex').slice(0, 16);
}

function decodeKey(key: string): Buffer {
  const bytes =
    /^[0-9a-f]+$/i.test(key) && key.length % 2 === 0 ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length < 16) {
    throw new StoreError('config', 'the phone-hash key must hold at least 16 bytes (32 hex characters)');
  }
  return bytes;
}

/**
 * Resolves the key of the phone hashes. Given a key (`phoneHashKey`, CLI: `CVMATCH_PHONE_HASH_KEY`,
 * hex or base64, ≥ 16 bytes), the store keeps only its fingerprint and refuses another key later (a
 * wrong key would make every opt-out invisible). Without one, a random 32-byte key is created once
 * and kept in the store's settings table: zero set-up, but whoever reads the database can then test
 * phone numbers against the hashes; keep the key outside the database for that.
 */
export async function resolvePhoneHashKey(client: SqlClient, given: string | undefined): Promise<Buffer> {
  return client.transaction(async (tx) => {
    const rows = await tx.query<{ key: string; value: string }>(
      `SELECT key, value #>> '{}' AS value FROM store_settings WHERE key IN ('phone_hash_key', 'phone_hash_key_check') FOR UPDATE`,
    );
    const stored = new Map(rows.map((row) => [row.key, row.value]));
    if (given !== undefined) {
      const key = decodeKey(given);
      const check = stored.get('phone_hash_key_check');
      const storedKey = stored.get('phone_hash_key');
      if (storedKey !== undefined && !Buffer.from(storedKey, 'base64').equals(key)) {
        throw new StoreError(
          'config',
          'this store hashes phones with the key kept in its settings, not the one given',
        );
      }
      if (check !== undefined && check !== fingerprint(key)) {
        throw new StoreError(
          'config',
          'the phone-hash key given is not the one this store was created with: opt-outs would not match',
        );
      }
      if (check === undefined && storedKey === undefined) {
        await tx.query(
          `INSERT INTO store_settings (key, value) VALUES ('phone_hash_key_check', to_jsonb($1::text)) ON CONFLICT (key) DO NOTHING`,
          [fingerprint(key)],
        );
      }
      return key;
    }
    const storedKey = stored.get('phone_hash_key');
    if (storedKey !== undefined) return Buffer.from(storedKey, 'base64');
    if (stored.has('phone_hash_key_check')) {
      throw new StoreError(
        'config',
        'this store was created with an external phone-hash key: set CVMATCH_PHONE_HASH_KEY (or phoneHashKey)',
      );
    }
    const key = randomBytes(32);
    await tx.query(
      `INSERT INTO store_settings (key, value) VALUES ('phone_hash_key', to_jsonb($1::text)) ON CONFLICT (key) DO NOTHING`,
      [key.toString('base64')],
    );
    const [row] = await tx.query<{ value: string }>(
      `SELECT value #>> '{}' AS value FROM store_settings WHERE key = 'phone_hash_key'`,
    );
    return Buffer.from(row?.value ?? key.toString('base64'), 'base64');
  });
}
