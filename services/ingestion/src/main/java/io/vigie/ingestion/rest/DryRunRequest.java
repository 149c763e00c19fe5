package io.vigie.ingestion.rest;

/** A query to try on recent traffic; {@code scan} bounds how many recent mentions are examined. */
public record DryRunRequest(String query, Integer scan) {
}
