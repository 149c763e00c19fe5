package io.vigie.ingestion.mapping;

/** A post that cannot be normalised into a mention; the message says why, for the sender. */
public class InvalidPostException extends RuntimeException {

    public InvalidPostException(String message) {
        super(message);
    }
}
