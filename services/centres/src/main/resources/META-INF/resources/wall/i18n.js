// Wall texts in English and French; ?lang=fr|en, else the browser's language.
window.VIGIE_I18N = {
  en: {
    title: "War room", global: "All centres", volume: "Mentions (last hour)", temperature: "Temperature",
    frt: "First response p50 / p90", sla: "SLA met", backlog: "Waiting", agents: "Agents online",
    incidents: "Open incidents", volumeCurve: "Volume by network", temperatureCurve: "Temperature (positive − negative share)",
    centres: "Centres and queues", centre: "Centre", state: "State", agentsShort: "Agents", waiting: "Waiting",
    wait: "Expected wait", slaShort: "SLA 24h", topics: "Top topics (last hour)", topic: "Topic", mentions: "Mentions",
    temperatureShort: "Temp.", rising: "Rising terms", term: "Term", growth: "Growth", incidentsTitle: "Open incidents",
    open: "open", closed: "closed", live: "live", connecting: "connecting…", offline: "reconnecting…",
    noIncident: "No open incident", incidentMentions: "mentions", acknowledged: "acknowledged", observed: "observed", expected: "expected", mean: "mean score",
    volumeSeries: "mentions", temperatureSeries: "temperature"
  },
  fr: {
    title: "Salle de veille", global: "Tous les centres", volume: "Mentions (dernière heure)", temperature: "Température",
    frt: "Première réponse p50 / p90", sla: "SLA tenu", backlog: "En attente", agents: "Agents en ligne",
    incidents: "Incidents ouverts", volumeCurve: "Volume par réseau", temperatureCurve: "Température (part positive − part négative)",
    centres: "Centres et files", centre: "Centre", state: "État", agentsShort: "Agents", waiting: "En attente",
    wait: "Attente prévue", slaShort: "SLA 24 h", topics: "Sujets principaux (dernière heure)", topic: "Sujet",
    mentions: "Mentions", temperatureShort: "Temp.", rising: "Termes en hausse", term: "Terme", growth: "Hausse",
    incidentsTitle: "Incidents ouverts", open: "ouvert", closed: "fermé", live: "en direct", connecting: "connexion…",
    offline: "reconnexion…", noIncident: "Aucun incident ouvert", incidentMentions: "mentions", acknowledged: "pris en charge", observed: "observé", expected: "attendu",
    mean: "score moyen", volumeSeries: "mentions", temperatureSeries: "température"
  }
};
