package io.vigie.workspace.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** The problem bodies (RFC 9457) the workspace answers with when an action is refused. */
public final class Problems {

    private Problems() {
    }

    /** 404: absent, or not visible to the caller (another centre, a space not granted). */
    public static HttpProblem notFound(String what) {
        return HttpProblem.valueOf(Response.Status.NOT_FOUND, what);
    }

    /** 403: visible, but the caller's role or rights do not allow the action. */
    public static HttpProblem forbidden(String why) {
        return HttpProblem.valueOf(Response.Status.FORBIDDEN, why);
    }

    /** 409: the conversation's state does not allow the action now. */
    public static HttpProblem conflict(String why) {
        return HttpProblem.valueOf(Response.Status.CONFLICT, why);
    }

    /** 400: the request itself is wrong. */
    public static HttpProblem badRequest(String why) {
        return HttpProblem.valueOf(Response.Status.BAD_REQUEST, why);
    }
}
