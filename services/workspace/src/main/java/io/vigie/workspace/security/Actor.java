package io.vigie.workspace.security;

import java.util.Set;

/**
 * Who acts, captured from the token at the start of a request so that services never reach back into the request.
 *
 * @param name   the user's name (preferred_username)
 * @param centre the user's centre
 * @param roles  the user's realm roles
 */
public record Actor(String name, String centre, Set<String> roles) {

    /** Realm role of agents. */
    public static final String AGENT = "agent";
    /** Realm role of supervisors. */
    public static final String SUPERVISOR = "supervisor";
    /** Realm role of community experts. */
    public static final String EXPERT = "expert";

    /** Compact canonical constructor: never a null role set. */
    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean supervisor() {
        return roles.contains(SUPERVISOR);
    }
}
