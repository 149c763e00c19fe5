package io.vigie.scoring.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.vigie.scoring.domain.IncidentView;
import io.vigie.scoring.security.CurrentUser;
import io.vigie.scoring.service.IncidentService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Incidents of the crisis radar: agents and supervisors see those of their centre (and those of no centre), admins
 * all; supervisors and admins acknowledge, annotate and close them.
 */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentResource {

    /** Body of a note: what the supervisor writes. */
    public record NoteRequest(@NotBlank(message = "text is required") @Size(max = 2000, message = "text: at most 2000 characters") String text) {
    }

    /** Body of a close: why (optional). */
    public record CloseRequest(@Size(max = 2000, message = "reason: at most 2000 characters") String reason) {
    }

    private final IncidentService incidents;
    private final CurrentUser user;

    public IncidentResource(IncidentService incidents, CurrentUser user) {
        this.incidents = incidents;
        this.user = user;
    }

    @GET
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<List<IncidentView>> list(@QueryParam("state") @DefaultValue("active") String state,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        if (!state.equals("active") && !state.equals("all")) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "state must be active or all, not " + state);
        }
        if (limit < 1 || limit > 500) {
            throw HttpProblem.valueOf(Response.Status.BAD_REQUEST, "limit must be between 1 and 500");
        }
        return incidents.list(user.centreScope(), state.equals("active"), limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"agent", "supervisor", "admin"})
    public Uni<IncidentView.Detail> detail(@PathParam("id") String id) {
        return incidents.detail(id, user.centreScope());
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({"supervisor", "admin"})
    public Uni<IncidentView> acknowledge(@PathParam("id") String id) {
        return incidents.acknowledge(id, user.centreScope(), user.name());
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public Uni<Response> annotate(@PathParam("id") String id,
            @Valid @NotNull(message = "a JSON body with a text is required") NoteRequest body) {
        return incidents.annotate(id, user.centreScope(), user.name(), body.text())
                .map(n -> Response.status(Response.Status.CREATED).entity(n).build());
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON) // its optional reason is JSON; any other type is a 415, not a 400 without a body
    @RolesAllowed({"supervisor", "admin"})
    public Uni<IncidentView> close(@PathParam("id") String id, @Valid CloseRequest body) {
        return incidents.close(id, user.centreScope(), user.name(), body == null ? null : body.reason());
    }
}
