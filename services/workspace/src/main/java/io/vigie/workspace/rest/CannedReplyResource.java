package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.CannedReply;
import io.vigie.workspace.rest.Requests.CannedRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.CannedReplyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Canned replies per language: agents read them, supervisors add their centre's own. */
@Path("/api/canned")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CannedReplyResource {

    private final CannedReplyService canned;
    private final CurrentUser user;

    public CannedReplyResource(CannedReplyService canned, CurrentUser user) {
        this.canned = canned;
        this.user = user;
    }

    @GET
    @RolesAllowed({ "agent", "supervisor" })
    @Operation(summary = "Canned replies of my centre, optionally of one language")
    public Uni<List<CannedReply>> list(@QueryParam("language") @Pattern(regexp = "[a-z]{2}") String language) {
        return canned.list(user.centre(), language);
    }

    @POST
    @RolesAllowed("supervisor")
    @ResponseStatus(201)
    @Operation(summary = "Add a canned reply for my centre")
    public Uni<CannedReply> add(@Valid @NotNull CannedRequest body) {
        return canned.add(user.actor(), body.language(), body.title(), body.body());
    }
}
