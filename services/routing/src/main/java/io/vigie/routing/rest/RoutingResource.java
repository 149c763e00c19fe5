package io.vigie.routing.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.routing.messaging.RoutingFlow;
import io.vigie.routing.security.CurrentUser;
import io.vigie.routing.service.ConversationQueryService;
import io.vigie.routing.service.ConversationQueryService.RoutingView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The routing query API: why a conversation is where it is. */
@Path("/api/routing/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "supervisor", "admin" })
public class RoutingResource {

    private final ConversationQueryService query;
    private final RoutingFlow flow;
    private final CurrentUser user;

    public RoutingResource(ConversationQueryService query, RoutingFlow flow, CurrentUser user) {
        this.query = query;
        this.flow = flow;
        this.user = user;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A conversation's routing: its latest decision and every transition with its reason")
    public Uni<RoutingView> get(@PathParam("id") @Size(max = 300) String id) {
        return query.detail(id).map(v -> v != null && user.maySee(v.centre(), v.homeCentre()) ? v : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("no conversation " + id + " in your centre"));
    }

    @POST
    @Path("/{id}/pull")
    @RolesAllowed({ "supervisor", "admin" })
    @Operation(summary = "Pull a conversation routing judged not actionable into its centre's queues")
    public Uni<RoutingView> pull(@PathParam("id") @Size(max = 300) String id) {
        return flow.pull(id, user.name(), user::maySee)
                .chain(found -> found ? query.detail(id) : Uni.createFrom().nullItem())
                .onItem().ifNull().failWith(() -> new NotFoundException("no conversation " + id + " in your centre"));
    }
}
