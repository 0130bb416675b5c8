/** Campaign report (`cvmatch campaign report`), French. */
export const campaignMessages = {
  'campaign.report.title':
    'Campagne {campaignId} : commande {jobId}, {headcount, plural, =1 {1 poste} other {# postes}}, {status, select, active {en cours} full {pourvue} exhausted {plus personne à contacter} other {{status}}}.',
  'campaign.report.totals':
    'Démarrée le {startedAt} ; {waves, plural, =0 {aucune vague} =1 {1 vague} other {# vagues}}, {contacted} candidats contactés, {smsSent} SMS envoyés ; liste d’appel {size}/{capacity}{fullAt, select, none {} other {, complète le {fullAt}}}.',
  'campaign.report.events': 'Déroulé :',
  'campaign.report.callList':
    'Liste d’appel (le recruteur décide ; personne n’est retenu ou écarté par la machine) :',
  'campaign.report.callListEmpty': 'Liste d’appel vide.',
  'campaign.report.callListEntry':
    '{position}. {candidate} (rang {rank}, score {score}, {status}) : {summary}',
  'campaign.event.created':
    '{at} : campagne créée, {ranked} candidats sur {poolSize} au-dessus du score {minScore}, {callsPerPosition} appels par poste.',
  'campaign.event.wave':
    '{at} : vague {wave}, {started} candidat(s) contacté(s) ; non contactés : {optedOut} opposé(s), {contactCap} au plafond de contacts, {noPhone} sans téléphone.',
  'campaign.event.outcome':
    '{at} : {candidate} : {status, select, qualified {qualifié} notQualified {ne remplit pas un critère} needsHuman {à voir par un conseiller} noAnswer {sans réponse} optedOut {a demandé STOP} other {{status}}} ({answers}/{asked} réponses).',
  'campaign.event.callList': '{at} : liste d’appel {size}/{capacity}.',
  'campaign.event.full':
    '{at} : commande pourvue, plus aucun SMS : {cancelled} message(s) annulé(s), {closed} conversation(s) close(s).',
  'campaign.event.reopened': '{at} : une place s’est libérée sur la liste d’appel, la campagne reprend.',
  'campaign.event.exhausted': '{at} : plus aucun candidat à contacter.',
  'campaign.event.held': '{at} : {candidate} : message retenu (heures de silence) jusqu’au {until}.',
  'campaign.event.blocked':
    '{at} : {candidate} : envoi bloqué ({reason, select, optedOut {inscrit sur la liste d’opposition} orderClosed {commande pourvue} other {{reason}}}).',
  'campaign.event.failed': '{at} : {candidate} : échec d’envoi ({error}).',
  'campaign.event.skipped':
    '{at} : {candidate} : non contacté ({reason, select, optedOut {inscrit sur la liste d’opposition} contactCap {déjà sollicité pour d’autres commandes cette semaine} noPhone {pas de téléphone} other {{reason}}}).',
  'campaign.event.late': '{at} : {candidate} : réponse reçue après la fin, rien n’est envoyé.',
  'campaign.event.optOut': '{at} : {candidate} : STOP, ajouté à la liste d’opposition de l’agence.',
  'campaign.event.handoff':
    '{at} : {candidate} : passage à un conseiller ({reason, select, asked {demandé} unclear {réponses peu claires} question {question du candidat} injections {messages suspects} guard {message bloqué} other {{reason}}}).',
  'campaign.event.decision': '{at} : décision de {by} pour {candidate} : {decision}.',
};
