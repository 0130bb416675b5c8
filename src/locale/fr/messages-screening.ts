/**
 * Screening wording for the recruiter and the values SMS templates are filled with, French. ICU MessageFormat:
 * `{name}`, `{n, plural, =1 {…} other {…}}`, `{x, select, a {…} other {…}}`; `''` is an apostrophe
 * right before a brace.
 */
export const screeningMessages = {
  // Values of SMS templates ("Je vous écris au sujet d'une mission {ofTitle}{place}{start}").
  'sms.place': ' à {city}',
  'sms.start': ' dès le {day}',
  // Elision before a vowel or mute h: "de Cariste", "d'Agent de propreté". `initial`: the title's first letter, lower case.
  'sms.ofTitle':
    "{initial, select, a {d''{title}} e {d''{title}} i {d''{title}} o {d''{title}} u {d''{title}} y {d''{title}} h {d''{title}} à {d''{title}} â {d''{title}} é {d''{title}} è {d''{title}} ê {d''{title}} î {d''{title}} ô {d''{title}} û {d''{title}} other {de {title}}}",
  'sms.jobDates': 'commence le {start}',
  'sms.jobDatesWithEnd': 'commence le {start} et se termine le {end}',
  'sms.availableFrom': 'à partir du {day}',
  'sms.availableSoon': 'rapidement',
  'sms.shiftOther': 'avec ces horaires : {shift}',
  'sms.shiftOtherHours': 'avec ces horaires : {shift}',
  'sms.day': '{weekday} {day, plural, =1 {1er} other {{day}}} {month}',
  'sms.rate': '{units},{cents} €',
  // A date in notes and summaries for the recruiter ("15 janvier 2027").
  'screening.date': '{day, plural, =1 {1er} other {{day}}} {month} {year}',

  // Certificates named in messages.
  'certificate.licence': 'permis {code}',
  'certificate.caces': 'CACES {recommendation} cat. {category}',
  'certificate.habilitation': 'habilitation électrique {level}',
  'certificate.fcoGoods': 'FCO marchandises',
  'certificate.fimoGoods': 'FIMO marchandises',
  'certificate.fcoPassengers': 'FCO voyageurs',
  'certificate.fimoPassengers': 'FIMO voyageurs',
  'certificate.deas': 'DEAS (aide-soignant)',
  'certificate.deap': 'DEAP (auxiliaire de puériculture)',
  'certificate.sst': 'SST (sauveteur secouriste du travail)',
  // "le CACES…", "l'habilitation…", "la FCO…". `initial`: first letter, lower case; `family`: first word.
  'certificate.withArticle':
    "{initial, select, a {l''{label}} e {l''{label}} i {l''{label}} o {l''{label}} u {l''{label}} y {l''{label}} h {l''{label}} other {{family, select, FCO {la {label}} FIMO {la {label}} other {le {label}}}}}",

  // What a disqualifying answer missed ("Cette mission demande {requirement}").
  'screening.requirement.availabilityFrom': 'une disponibilité dès le {day}',
  'screening.requirement.availabilitySoon': 'une disponibilité rapide',

  // Notes for the recruiter on each answer.
  'screening.note.available': 'disponible aux dates et horaires',
  'screening.note.availableFrom': 'disponible à partir du {date}',
  'screening.note.availableSoonAfter': 'disponible le {date}, la mission commence le {start}',
  'screening.note.availableTooLate':
    'disponible seulement à partir du {date}, la mission commence le {start}',
  'screening.note.notAvailable': 'pas disponible aux dates ou horaires',
  'screening.note.availabilityUnsure': 'disponibilité partielle ou incertaine',
  'screening.note.holdsUntil': "déclare {label}, valide jusqu'au {until}",
  'screening.note.holds': 'déclare {label} valide',
  'screening.note.doesNotHold': "n'a pas {label}",
  'screening.note.doesNotHoldButHolds': "n'a pas {label} (a : {others})",
  'screening.note.validUntilOnly': "{label} valide jusqu'au {until} seulement",
  'screening.note.certificateUnsure': '{label} : réponse incertaine, à vérifier',
  'screening.note.transport':
    'moyen de transport : {mode, select, car {voiture} motorbike {deux-roues} bike {vélo} walk {à pied} public {transports en commun} carpool {covoiturage} none {aucun} other {oui}}',
  'screening.note.noTransport': 'pas de moyen de transport sûr pour venir sur le site',
  'screening.note.transportUnsure': 'moyen de transport à confirmer',
  'screening.note.acceptsRate': 'accepte le taux horaire ({rate})',
  'screening.note.asksRate': "demande {rate} de l'heure",
  'screening.note.declinesRate': 'refuse le taux horaire',
  'screening.note.rateUnsure': 'hésite sur le taux horaire',
  'screening.note.confirmsInterest': 'confirme son intérêt',
  'screening.note.notInterested': "n'est pas intéressé par la mission",
  'screening.note.interestUnsure': 'intérêt à confirmer',

  // The recruiter's summary of a conversation.
  'screening.status.qualified': 'Qualifié',
  'screening.status.notQualified': 'Non qualifié',
  'screening.status.needsHuman': 'À revoir par un conseiller',
  'screening.status.optedOut': 'Désinscrit',
  'screening.status.noAnswer': 'Sans réponse',
  'screening.status.inProgress': 'En cours',
  'screening.fact.holds': 'déclare avoir {label}',
  'screening.reason.answer': '{note} (« {reply} »)',
  'screening.reason.pendingQuestion': 'question à traiter : « {question} »',
  'screening.reason.injections': "{count} tentative(s) de détourner l'assistant, signalée(s) et ignorée(s)",
  'screening.reason.guardEscalated': 'message bloqué par le garde-fou : reprise humaine',
  'screening.reason.optedOut': 'a demandé à ne plus être contacté (STOP)',
  'screening.reason.noAnswer': 'pas de réponse après relance',
  'screening.reason.handoff': 'demande ou nécessite un échange avec un conseiller',
  'screening.summary.reasons': 'Points : {reasons}.',
  'screening.summary.answered': '{answered}/{asked} questions répondues.',
};
