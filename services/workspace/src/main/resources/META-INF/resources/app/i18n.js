// The workspace's words in English and French; the agent's choice is kept in localStorage.
const WORDS = {
  en: {
    queue: 'Queue', mine: 'Mine', all: 'All', noConversation: 'Select a conversation', claim: 'Claim', release: 'Release',
    resolve: 'Resolve', close: 'Close', escalate: 'Escalate', takeBack: 'Take back', transfer: 'Transfer',
    reply: 'Reply publicly', send: 'Send', notes: 'Internal notes', addNote: 'Add note', labels: 'Labels', addLabel: 'Add label',
    canned: 'Canned replies', chooseCanned: 'Insert a canned reply…', policyOk: 'Ready to post publicly',
    policyBlocked: 'Blocked by the public-reply policy', presence: 'Presence', online: 'Online', away: 'Away', offline: 'Offline',
    logout: 'Log out', routing: 'Routing', history: 'History', sentiment: 'Sentiment', state: 'State', assignee: 'Held by',
    delivery: 'Delivery', pending: 'sending…', delivered: 'delivered', failed: 'failed', review: 'waiting for review',
    rejected: 'rejected', shortcuts: 'Shortcuts: j/k move · c claim · r reply · Ctrl+Enter send · e resolve · ? help',
    override: 'Override reason (supervisor)', live: 'live', team: 'Team', context: 'Context for the team',
    rule_email_address: 'an e-mail address', rule_phone_number: 'a phone number',
    rule_off_network: 'moves the customer off the network', rule_personal_data_echoed: 'repeats personal data (order or serial number)',
    rule_wrong_language: "not in the customer's language", rule_wrong_account: 'another brand account than the space\'s',
    rule_second_reply: 'this post already has a reply', rule_empty: 'the reply is empty',
    receipt: 'Delivery receipt', slaWarning: 'SLA warning', newMessage: 'New customer message', assignment: 'Assignment',
    opening: 'start', closing: 'end', restated: 'restated publicly', urgency: 'urgency', influence: 'influence',
    transferTo: 'Transfer to agent (name) or centre (centre:<id>, supervisors)', expert: 'Community expert', accept: 'Mark as accepted answer', accepted: 'accepted answer', hideSpam: 'Hide as spam',
  },
  fr: {
    queue: 'File', mine: 'Les miennes', all: 'Toutes', noConversation: 'Choisissez une conversation', claim: 'Prendre',
    release: 'Relâcher', resolve: 'Résoudre', close: 'Clore', escalate: 'Escalader', takeBack: 'Reprendre', transfer: 'Transférer',
    reply: 'Répondre publiquement', send: 'Envoyer', notes: 'Notes internes', addNote: 'Ajouter', labels: 'Étiquettes',
    addLabel: 'Ajouter une étiquette', canned: 'Réponses types', chooseCanned: 'Insérer une réponse type…',
    policyOk: 'Prête à être publiée', policyBlocked: 'Bloquée par la règle de réponse publique', presence: 'Présence',
    online: 'En ligne', away: 'Absent', offline: 'Hors ligne', logout: 'Se déconnecter', routing: 'Routage',
    history: 'Historique', sentiment: 'Sentiment', state: 'État', assignee: 'Tenue par', delivery: 'Livraison',
    pending: 'envoi…', delivered: 'publiée', failed: 'échec', review: 'en attente de relecture', rejected: 'refusée',
    shortcuts: 'Raccourcis : j/k naviguer · c prendre · r répondre · Ctrl+Entrée envoyer · e résoudre · ? aide',
    override: 'Motif de dérogation (superviseur)', live: 'en direct', team: 'Équipe', context: "Contexte pour l'équipe",
    rule_email_address: 'une adresse e-mail', rule_phone_number: 'un numéro de téléphone',
    rule_off_network: 'renvoie le client hors du réseau', rule_personal_data_echoed: 'répète une donnée personnelle (commande, numéro de série)',
    rule_wrong_language: "pas dans la langue du client", rule_wrong_account: "un autre compte de marque que celui de l'espace",
    rule_second_reply: 'ce message a déjà une réponse', rule_empty: 'la réponse est vide',
    receipt: 'Accusé de livraison', slaWarning: 'Alerte SLA', newMessage: 'Nouveau message client', assignment: 'Attribution',
    opening: 'début', closing: 'fin', restated: 'réexprimé publiquement', urgency: 'urgence', influence: 'influence',
    transferTo: 'Transférer à un agent (nom) ou un centre (centre:<id>, superviseurs)', expert: 'Expert de la communauté', accept: 'Marquer comme réponse acceptée', accepted: 'réponse acceptée', hideSpam: 'Masquer (spam)',
  },
};

let lang = localStorage.getItem('vigie.lang') || ((navigator.language || 'en').startsWith('fr') ? 'fr' : 'en');

export function t(key) {
  return (WORDS[lang] && WORDS[lang][key]) || WORDS.en[key] || key;
}

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = WORDS[l] ? l : 'en';
  localStorage.setItem('vigie.lang', lang);
  document.documentElement.lang = lang;
}

setLanguage(lang);
