package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.events.AgentPresence;
import io.vigie.workspace.rest.Requests.PresenceRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.PresenceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Agents' presence (online, away, offline), published on agents.presence for routing. */
@Path("/api/presence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "supervisor" })
public class PresenceResource {

    private final PresenceService presence;
    private final CurrentUser user;

    public PresenceResource(PresenceService presence, CurrentUser user) {
        this.presence = presence;
        this.user = user;
    }

    @PUT
    @Operation(summary = "Set my presence; answers once routing can read it")
    public Uni<AgentPresence> set(@Valid @NotNull PresenceRequest body) {
        return presence.set(user.actor(), body.status(), body.languages() == null ? List.of() : body.languages(),
                body.skills() == null ? List.of() : body.skills(), body.capacity() == null ? 5 : body.capacity());
    }

    @GET
    @Operation(summary = "Presence of my centre's agents")
    public Uni<List<AgentPresence>> list() {
        return presence.ofCentre(user.centre());
    }
}
