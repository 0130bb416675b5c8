import type { CvHeadings } from '../locale.js';

/** CV section headings, English (see `../fr/cv-headings.ts`). */
export const cvHeadings: CvHeadings = {
  experience: [
    'work experience',
    'professional experience',
    'employment history',
    'employment',
    'experience',
  ],
  education: ['education', 'training'],
  skills: ['key skills', 'skills'],
  certifications: [
    'certifications & licences',
    'certifications and licences',
    'certifications & licenses',
    'certifications',
    'licences',
  ],
  languages: ['languages'],
  info: ['additional information', 'availability'],
  interests: ['interests', 'hobbies'],
  contact: ['contact details', 'contact'],
  profile: ['profile', 'summary'],
};
