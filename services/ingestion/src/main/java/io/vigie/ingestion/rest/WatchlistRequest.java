package io.vigie.ingestion.rest;

/** Body to create or replace a watchlist. */
public record WatchlistRequest(String name, String query) {
}
