package io.vigie.ingestion.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The administrator calling the admin API, and the centre their token scopes them to. */
@RequestScoped
public class CurrentAdmin {

    /** Name of the token claim holding the user's centre. */
    public static final String CENTRE_CLAIM = "centre";

    private final SecurityIdentity identity;

    public CurrentAdmin(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's centre; a token without one is refused with 403. */
    public String centre() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CENTRE_CLAIM) : null;
        if (claim == null || claim.toString().isBlank()) {
            throw new ForbiddenException("the token carries no centre claim; the admin API is scoped to one centre");
        }
        return claim.toString();
    }
}
