package io.vigie.centres.service;

import java.util.List;

/** A centre configuration that breaks the registry's rules; carries every violation found. */
public class InvalidCentreException extends RuntimeException {

    private final List<String> violations;

    public InvalidCentreException(List<String> violations) {
        super("invalid centre configuration: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    /** Each violation as {@code field: reason}. */
    public List<String> violations() {
        return violations;
    }
}
