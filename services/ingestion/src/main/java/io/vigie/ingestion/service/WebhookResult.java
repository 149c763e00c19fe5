package io.vigie.ingestion.service;

/** What became of the items of one network delivery (webhook, stream line, polled page). */
public record WebhookResult(int accepted, int duplicates, int rejected, int ignored) {
}
