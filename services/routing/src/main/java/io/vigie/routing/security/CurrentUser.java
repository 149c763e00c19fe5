package io.vigie.routing.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated user of a request: name, roles and centre, from the verified access token. */
@RequestScoped
public class CurrentUser {

    /** Name of the token claim holding the user's centre. */
    public static final String CENTRE_CLAIM = "centre";
    /** Role that sees every centre's conversations. */
    public static final String ADMIN = "admin";

    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    /** Whether the user may see a conversation owned by {@code centre} (or handed off from {@code homeCentre}). */
    public boolean maySee(String centre, String homeCentre) {
        if (identity.hasRole(ADMIN)) {
            return true;
        }
        Object claim = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim(CENTRE_CLAIM) : null;
        String mine = claim == null ? null : claim.toString();
        return mine != null && (mine.equals(centre) || mine.equals(homeCentre));
    }
}
