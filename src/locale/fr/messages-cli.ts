/** The `cvmatch match` table, French (other CLI output is English, for developers). */
export const cliMessages = {
  'cli.match.jobOrder': 'Commande',
  'cli.match.candidate': 'candidat',
  'cli.match.keyReasons': 'points forts',
  'cli.match.unmet': 'non rempli',
  'cli.match.noCandidates': '(aucun candidat)',
  'cli.match.nearMisses': 'Presque (1 ou 2 écarts à combler)',
  'cli.match.none': '(aucun)',
  // Short criterion names for the "key reasons" column.
  'cli.criterion.occupation': 'métier',
  'cli.criterion.skills': 'compétences',
  'cli.criterion.preferredSkills': 'atouts',
  'cli.criterion.experience': 'expérience',
  'cli.criterion.certifications': 'certifs',
  'cli.criterion.licences': 'permis',
  'cli.criterion.distance': 'proche',
  'cli.criterion.availability': 'dispo',
  'cli.criterion.languages': 'langues',
  'cli.criterion.semantic': 'CV proche',
  'cli.criterion.text': 'mots de l’offre',
  'cli.criterion.keywords': 'mots-clés',
  'cli.criterion.llm': 'LLM',
};
