/** What the law forbids, in words for a recruiter, French (job-order warnings, protected criteria). */
export const lawMessages = {
  'law.criterion':
    "{criterion, select, origin {l'origine} nationality {la nationalité (seul le droit de travailler en France peut être demandé)} sex {le sexe} sexualOrientation {l'orientation sexuelle} morals {les mœurs} age {l'âge} family {la situation de famille} pregnancy {la grossesse} genetics {les caractéristiques génétiques} economicVulnerability {la vulnérabilité due à la situation économique} religion {les convictions religieuses} unionPolitics {les opinions politiques ou l'activité syndicale} appearance {l'apparence physique} surname {le nom de famille} residence {le lieu de résidence} bankDetails {la domiciliation bancaire} health {l'état de santé} disability {le handicap} language {la langue (autre que le français)} whistleblowing {le statut de lanceur d'alerte} other {un critère protégé}}",
  'law.field':
    '{field, select, title {Titre} description {Description} requiredSkills {Compétence requise} preferredSkills {Compétence souhaitée} other {{field}}}',
  'law.jobOrderWarning':
    '{field} : « {match} » sélectionne sur {criterion} (Code du travail, article L1132-1). Retirez ce critère de la commande.',
  'law.refused':
    'La présélection ne peut pas démarrer : la commande {jobId} sélectionne sur un critère interdit ({count, plural, =1 {1 point} other {# points}} à corriger).',
};
