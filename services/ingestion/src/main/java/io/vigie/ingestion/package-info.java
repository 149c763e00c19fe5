/** Ingestion service: the only part of Vigie that talks to social networks; publishes mentions.raw. */
package io.vigie.ingestion;
