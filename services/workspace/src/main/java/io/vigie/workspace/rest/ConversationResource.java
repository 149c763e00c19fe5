package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.ConversationService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The agents' conversations API: their centre's queues and each conversation's detail. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "supervisor" })
public class ConversationResource {

    private final ConversationService conversations;
    private final CurrentUser user;

    public ConversationResource(ConversationService conversations, CurrentUser user) {
        this.conversations = conversations;
        this.user = user;
    }

    @GET
    @Operation(summary = "Conversations of my centre, most urgent first")
    public Uni<List<ConversationView>> list(
            @QueryParam("queue") @Pattern(regexp = "[a-z0-9_-]{1,64}") String queue,
            @QueryParam("state") @Pattern(regexp = "new|queued|assigned|waiting_customer|resolved|closed") String state,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return conversations.queue(user.centre(), queue, state, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation of my centre with all its messages")
    public Uni<ConversationService.ConversationDetail> get(@PathParam("id") String id) {
        return conversations.detail(id, user.centre()).onItem().ifNull()
                .failWith(() -> new NotFoundException("no conversation " + id + " in your centre"));
    }
}
