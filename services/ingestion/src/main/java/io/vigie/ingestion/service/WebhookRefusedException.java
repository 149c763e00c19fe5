package io.vigie.ingestion.service;

/** A webhook delivery refused before anything is published: unsigned, badly signed, or for a connector not configured. */
public class WebhookRefusedException extends RuntimeException {

    private final int status;

    public WebhookRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer (401, 403 or 404). */
    public int status() {
        return status;
    }
}
