package io.vigie.ingestion.rest;

/** Body to create or replace a space; {@code id} is how connectors name it in mentions, e.g. {@code x:@NordlysCare}. */
public record SpaceRequest(String id, String network, String name, String purpose, String owner) {
}
