package io.vigie.workspace.rest;

import io.quarkus.security.Authenticated;
import io.vigie.workspace.security.CurrentUser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/** Who the caller is, as the workspace understands their token. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class MeResource {

    private final CurrentUser user;

    public MeResource(CurrentUser user) {
        this.user = user;
    }

    @GET
    public Me me() {
        return new Me(user.name(), user.centre(), user.roles());
    }

    /** The caller's name, centre and roles. */
    public record Me(String name, String centre, Set<String> roles) {
    }
}
