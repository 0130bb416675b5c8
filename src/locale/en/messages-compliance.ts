import type { complianceMessages as reference } from '../fr/messages-compliance.js';

/** Pseudonymised profile labels and civilities, English (see `../fr/messages-compliance.ts`). */
export const complianceMessages = {
  'profile.candidate': 'Candidate',
  'profile.headline': 'CV headline',
  'profile.availability': 'Availability',
  'profile.immediate': 'immediate',
  'profile.from': 'from {date}',
  'profile.mobility': 'Mobility',
  'profile.radius': 'up to {km} km',
  'profile.vehicle': '{vehicle, select, yes {has a vehicle} other {no vehicle}}',
  'profile.distance': 'Distance to site (computed)',
  'profile.licences': 'Driving licences',
  'profile.certifications': 'Certifications',
  'profile.validUntil': 'valid until {date}',
  'profile.skills': 'Skills',
  'profile.languages': 'Languages',
  'profile.total': 'Total experience',
  'profile.months': '{count, plural, one {{count} month} other {{count} months}}',
  'profile.experiences': 'Experience',
  'profile.current': 'present',
  'profile.education': 'Education',
  'profile.cvText': 'CV text (personal data removed)',
  'profile.cut': '[… text cut]',
  'profile.none': 'not stated',
  'fairness.civility': '{gender, select, female {Mrs} male {Mr} other {}}',
  'fairness.civilityShort': '{gender, select, female {Mrs} male {Mr} other {}}',
} satisfies Record<keyof typeof reference, string>;
