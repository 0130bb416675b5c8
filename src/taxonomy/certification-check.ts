import { ValidationError } from '../errors.js';
import { normalizeCertification } from './certification-mentions.js';
import { canonicalCertificationCode } from './certifications.js';

/**
 * Documented equivalences: holding the key satisfies each listed requirement. Nothing else is implied;
 * in particular a CACES category never covers another one, and an habilitation électrique level only
 * satisfies itself (B2V does not stand for B1V, B1V not for B1: the employer's habilitation names the
 * exact operations allowed, so we do not guess).
 * - FIMO and FCO of the same branch both attest the driver qualification (CQC) for 5 years; FCO renews FIMO.
 * - An ADR specialisation (citerne, classe 1, classe 7) is only issued on top of the ADR base certificate.
 * - A valid SST certificate gives the PSC1 equivalence (INRS).
 * - SSIAP 2 requires SSIAP 1, SSIAP 3 requires SSIAP 2.
 */
export const CERTIFICATION_EQUIVALENCES: Readonly<Record<string, readonly string[]>> = {
  FIMO_MARCHANDISES: ['FCO_MARCHANDISES'],
  FCO_MARCHANDISES: ['FIMO_MARCHANDISES'],
  FIMO_VOYAGEURS: ['FCO_VOYAGEURS'],
  FCO_VOYAGEURS: ['FIMO_VOYAGEURS'],
  ADR_CITERNE: ['ADR_BASE'],
  ADR_EXPLOSIFS: ['ADR_BASE'],
  ADR_RADIOACTIFS: ['ADR_BASE'],
  SST: ['PSC1'],
  SSIAP2: ['SSIAP1'],
  SSIAP3: ['SSIAP2', 'SSIAP1'],
};

/** Result of checking a held certificate against a requirement. */
export interface CertificationCheck {
  satisfied: boolean;
  status: 'valid' | 'expired' | 'not-equivalent' | 'unknown-code';
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a held certificate meets a required one on `onDate` (YYYY-MM-DD, default today in UTC).
 * Codes may be canonical (`CACES_R489_3`), old (`CACES_R389_3`) or free text (`caces 3`).
 * Satisfied only for the same code or a documented equivalence (see `CERTIFICATION_EQUIVALENCES`), and only
 * if `validUntil` (when given) is on or after `onDate`. Without `validUntil` the certificate counts as valid
 * and the message says the date is unknown.
 */
export function certificationSatisfies(
  held: { code: string; validUntil?: string | null },
  required: string,
  onDate?: string,
): CertificationCheck {
  const heldCode = resolveCode(held.code);
  const requiredCode = resolveCode(required);
  if (!requiredCode) {
    return {
      satisfied: false,
      status: 'unknown-code',
      message: `unknown required certification "${required}"`,
    };
  }
  if (!heldCode) {
    return { satisfied: false, status: 'unknown-code', message: `unknown held certification "${held.code}"` };
  }
  const equivalent =
    heldCode === requiredCode || (CERTIFICATION_EQUIVALENCES[heldCode] ?? []).includes(requiredCode);
  if (!equivalent) {
    return {
      satisfied: false,
      status: 'not-equivalent',
      message: `${heldCode} does not satisfy ${requiredCode}`,
    };
  }
  const via = heldCode === requiredCode ? heldCode : `${heldCode} (equivalent to ${requiredCode})`;
  const day = onDate ?? new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(day)) {
    throw new ValidationError(`onDate must be YYYY-MM-DD, got "${day}"`, {
      issues: [{ path: ['onDate'], message: 'expected YYYY-MM-DD' }],
    });
  }
  const validUntil = held.validUntil?.slice(0, 10);
  if (!validUntil) return { satisfied: true, status: 'valid', message: `${via}; expiry date unknown` };
  if (!ISO_DATE.test(validUntil)) {
    return {
      satisfied: true,
      status: 'valid',
      message: `${via}; unreadable expiry date "${held.validUntil}"`,
    };
  }
  if (validUntil < day) {
    return {
      satisfied: false,
      status: 'expired',
      message: `${via} expired on ${validUntil} (checked on ${day})`,
    };
  }
  return { satisfied: true, status: 'valid', message: `${via}, valid until ${validUntil}` };
}

/** Canonical code from a canonical/old code or, failing that, from free text ("caces 3"). */
function resolveCode(codeOrText: string): string | null {
  return canonicalCertificationCode(codeOrText) ?? normalizeCertification(codeOrText)?.code ?? null;
}
