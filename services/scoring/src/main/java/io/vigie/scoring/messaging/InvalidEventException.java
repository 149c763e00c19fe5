package io.vigie.scoring.messaging;

/** A Kafka record that is not a readable event; its message becomes the dead-letter reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
