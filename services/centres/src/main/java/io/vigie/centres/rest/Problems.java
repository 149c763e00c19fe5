package io.vigie.centres.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vigie.centres.service.CentreConflictException;
import io.vigie.centres.service.InvalidCentreException;
import jakarta.ws.rs.core.Response;

/** Turns the registry's domain failures into RFC 9457 problem bodies. */
final class Problems {

    private Problems() {
    }

    /** The problem for a domain failure, or the failure itself when it is not one of ours. */
    static Throwable of(Throwable failure) {
        if (failure instanceof InvalidCentreException invalid) {
            return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Invalid centre")
                    .withDetail(invalid.getMessage()).with("violations", invalid.violations()).build();
        }
        if (failure instanceof CentreConflictException conflict) {
            return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("Centre exists")
                    .withDetail(conflict.getMessage()).build();
        }
        return failure;
    }

    /** A 404 problem. */
    static HttpProblem notFound(String what) {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("Not Found").withDetail(what).build();
    }
}
