export {
  type AuditFairnessInput,
  auditFairness,
  FAIRNESS_IDENTITIES,
  type FairnessDetail,
  type FairnessReport,
  type SyntheticIdentity,
  swapIdentity,
} from './audit-fairness.js';
export {
  type AuditEvent,
  type AuditEventInput,
  type AuditLog,
  type AuditLogOptions,
  auditEventSchema,
  createAuditLog,
  readAuditLog,
} from './audit-log.js';
export { checkJobOrder, criterionWords } from './check-job-order.js';
export {
  type CounterfactualKind,
  flipGender,
  swapAddress,
  swapAge,
  swapGender,
  swapPhoto,
} from './counterfactual-swaps.js';
export { neutralizeGender } from './neutralize-gender.js';
export {
  aliasFor,
  type PseudonymizedFields,
  type PseudonymizedProfile,
  type PseudonymizeOptions,
  profileIdentifiers,
  pseudonymizedFieldsSchema,
  pseudonymizeProfile,
} from './pseudonymize-profile.js';
export {
  type Identifiers,
  type PseudonymizeTextOptions,
  pseudonymizeText,
  type RedactionKind,
  type RedactionResult,
} from './redact-text.js';
export { type ScreeningAuditInput, screeningAuditEvent } from './screening-audit.js';
