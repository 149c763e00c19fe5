/** Scoring service: turns mentions.raw into mentions.scored (language, sentiment, topic, urgency, influence). */
package io.vigie.scoring;
