/**
 * SMS wording, French. Each key has variants from the fullest to the shortest; the first that fits in two
 * SMS segments and passes the guard is sent. ICU MessageFormat (`{agency}`; write `''` for an apostrophe
 * right before a brace). Written to stay in GSM-7: straight apostrophe, "Etes" not "Êtes", no ê/â/î/ô/û/ç.
 * Formal "vous", short plain sentences, no lists or markdown.
 */
export const smsTemplates = {
  intro: [
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{place}{start}. Pour parler à une personne : {contact}. Pour ne plus recevoir de messages, répondez STOP.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}. Je vous écris au sujet d'une mission {ofTitle}{start}. Pour parler à une personne : {contact}. Répondez STOP pour ne plus recevoir de messages.",
    "Bonjour, ici l'assistant automatique (une IA) de l'agence {agency}, au sujet d'une mission {ofTitle}. Pour parler à une personne : {contact}. Répondez STOP pour vous désinscrire.",
    "Bonjour, ici une IA de l'agence {agency}, pour une mission. Une personne : {contact}. STOP pour vous désinscrire.",
  ],
  availability: [
    'Etes-vous disponible {when}{shift} ? Répondez oui ou non, ou indiquez votre date de disponibilité.',
    'Etes-vous disponible {when}{shift} ?',
  ],
  // The same question in other words, asked once when a reply was not understood.
  'availability-again': [
    'Pouvez-vous commencer {when}{shift} ? Un oui, un non ou la date à laquelle vous serez libre me suffit.',
    'Pouvez-vous commencer {when}{shift} ? Répondez oui, non ou par une date.',
  ],
  certification: [
    "Avez-vous {label} en cours de validité ? Si oui, jusqu'à quelle date ?",
    'Avez-vous {label} en cours de validité ?',
  ],
  'certification-again': [
    "Avez-vous {label}, valable aujourd'hui ? Un oui ou un non me suffit.",
    "Avez-vous {label} aujourd'hui ? Répondez oui ou non.",
  ],
  licence: ['Avez-vous le {label} en cours de validité ?'],
  'licence-again': ["Avez-vous le {label}, valable aujourd'hui ? Un oui ou un non me suffit."],
  transport: [
    'La mission est à {city}. Comment pensez-vous vous y rendre (voiture, transports en commun, covoiturage) ?',
    'Comment pensez-vous vous rendre sur le site de {city} ?',
  ],
  'transport-again': [
    'Pour venir sur le site de {city}, aurez-vous une voiture, les transports en commun ou un covoiturage ?',
    'Comment viendrez-vous sur le site : voiture, bus ou covoiturage ?',
  ],
  rate: ['Le taux horaire est de {rate} brut. Cela vous convient-il ?'],
  'rate-again': ["Un taux de {rate} brut de l'heure vous convient-il ? Répondez oui ou non."],
  confirmation: [
    'Dernière question : confirmez-vous que cette mission {ofTitle} vous intéresse ?',
    'Confirmez-vous que cette mission vous intéresse ?',
  ],
  'confirmation-again': [
    'La mission {ofTitle} vous intéresse-t-elle toujours ? Répondez oui ou non.',
    'La mission vous intéresse-t-elle toujours ? Répondez oui ou non.',
  ],
  // Before the next question, after an answer.
  thanks: ['Merci.'],
  // Before the question asked again.
  reminder: ["Petit rappel de l'agence {agency} :", 'Petit rappel :'],
  clarify: ["Je n'ai pas bien compris votre réponse.", "Je n'ai pas compris."],
  injection: ['Je peux seulement parler de cette mission.'],
  // Answers to the candidate's questions, before the question asked again.
  'answer-pay': ['Le taux horaire est de {rate} brut.'],
  'answer-hours': ['Horaires de la mission : {hours}.'],
  'answer-address': [
    "La mission se situe à {city} ; l'adresse exacte vous sera donnée par l'agence.",
    'La mission se situe à {city}.',
  ],
  'answer-dates': ['La mission {dates}.'],
  // Asked "vous êtes un robot ?": the truth, in one sentence (AI Act art. 50).
  'answer-bot': [
    "Je suis un assistant automatique (une IA) de l'agence {agency}, pas une personne : pour parler à un conseiller, {contact}.",
    'Je suis un assistant automatique (une IA), pas une personne. Un conseiller : {contact}.',
  ],
  // Asked whether a protected fact matters (age, family, religion…): it does not.
  'answer-protected': ['Cela ne compte pas : seules vos réponses sur la mission sont prises en compte.'],
  'handoff-question': [
    "Je transmets votre question à un conseiller de l'agence {agency}, qui vous répondra.",
    'Je transmets votre question à un conseiller, qui vous répondra.',
  ],
  handoff: [
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter. Vous pouvez aussi le joindre : {contact}.",
    "D'accord. Un conseiller de l'agence {agency} va vous recontacter.",
  ],
  'opt-out': [
    "C'est noté, vous ne recevrez plus de messages de l'agence {agency}. Bonne journée.",
    "C'est noté, vous ne recevrez plus de messages.",
  ],
  'closing-qualified': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter très vite pour la suite.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-review': [
    "Merci pour vos réponses. Un conseiller de l'agence {agency} va vous recontacter pour en parler.",
    'Merci pour vos réponses. Un conseiller va vous recontacter.',
  ],
  'closing-not-qualified': [
    "Merci pour votre réponse. Cette mission demande {requirement} : je transmets votre réponse à un conseiller de l'agence {agency}, qui reviendra vers vous.",
    "Merci pour votre réponse. Je la transmets à un conseiller de l'agence, qui reviendra vers vous.",
  ],
  'closing-not-interested': [
    "Merci pour votre réponse. L'agence vous proposera d'autres missions. Bonne journée.",
    'Merci pour votre réponse. Bonne journée.',
  ],
} satisfies Record<string, readonly string[]>;
