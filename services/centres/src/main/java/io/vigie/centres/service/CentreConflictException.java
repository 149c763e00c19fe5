package io.vigie.centres.service;

/** A centre that already exists was created again. */
public class CentreConflictException extends RuntimeException {

    public CentreConflictException(String id) {
        super("centre " + id + " already exists");
    }
}
