package io.vigie.workspace.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of a request: name, roles and centre, all from the verified access token. */
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

    public Set<String> roles() {
        return identity.getRoles();
    }

    /** The user's centre; a token without one is refused. */
    public String centre() {
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CENTRE_CLAIM) : null;
        if (claim == null || claim.toString().isBlank()) {
            throw new ForbiddenException("the token carries no centre claim");
        }
        return claim.toString();
    }

    /** The caller as an {@link Actor}; a token without a centre is refused. */
    public Actor actor() {
        return new Actor(name(), centre(), roles());
    }
}
