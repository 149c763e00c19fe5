package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ExpertGrant;
import io.vigie.workspace.rest.Requests.GrantRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.GrantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Experts' scoped rights: supervisors grant and revoke them; experts read their own. */
@Path("/api/grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GrantResource {

    private final GrantService grants;
    private final CurrentUser user;

    public GrantResource(GrantService grants, CurrentUser user) {
        this.grants = grants;
        this.user = user;
    }

    @GET
    @RolesAllowed({ "supervisor", "expert" })
    @Operation(summary = "My centre's grants (supervisor) or my active grants (expert)")
    public Uni<List<ExpertGrant>> list() {
        return grants.list(user.actor());
    }

    @POST
    @RolesAllowed("supervisor")
    @ResponseStatus(201)
    @Operation(summary = "Grant an expert rights (answer, accept, hide) on one space of my centre")
    public Uni<ExpertGrant> grant(@Valid @NotNull GrantRequest body) {
        return grants.grant(user.actor(), body.expert(), body.space(), body.rights());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("supervisor")
    @Operation(summary = "Revoke a grant")
    public Uni<ExpertGrant> revoke(@PathParam("id") long id) {
        return grants.revoke(user.actor(), id);
    }
}
