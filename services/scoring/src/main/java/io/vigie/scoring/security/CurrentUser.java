package io.vigie.scoring.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of a request: name and the centre whose incidents they see (admins: all). */
@RequestScoped
public class CurrentUser {

    /** Name of the token claim holding the user's centre. */
    public static final String CENTRE_CLAIM = "centre";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The centre the user acts for; null for an admin (every centre). 403 for a user without a centre. */
    public String centreScope() {
        if (identity.hasRole("admin")) {
            return null;
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CENTRE_CLAIM) : null;
        if (claim == null || claim.toString().isBlank()) {
            throw HttpProblem.valueOf(Response.Status.FORBIDDEN, "your token has no centre claim");
        }
        return claim.toString();
    }
}
