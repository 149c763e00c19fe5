package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.rest.Requests.ReplyRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.ConversationService;
import io.vigie.workspace.service.ExpertService;
import io.vigie.workspace.service.GrantService;
import io.vigie.workspace.service.ReplyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Community experts' API: only the conversations of the spaces granted to them, and only the granted actions. */
@Path("/api/expert/conversations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("expert")
public class ExpertResource {

    private final GrantService grants;
    private final ConversationService conversations;
    private final ReplyService replies;
    private final ExpertService experts;
    private final CurrentUser user;

    public ExpertResource(GrantService grants, ConversationService conversations, ReplyService replies,
            ExpertService experts, CurrentUser user) {
        this.grants = grants;
        this.conversations = conversations;
        this.replies = replies;
        this.experts = experts;
        this.user = user;
    }

    @GET
    @Operation(summary = "Conversations of the spaces granted to me")
    public Uni<List<ConversationView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        var me = user.actor();
        return grants.spaces(me).chain(spaces -> conversations.inSpaces(me.centre(), spaces, limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation of a granted space, with its public messages (no notes, no history)")
    public Uni<ExpertView> get(@PathParam("id") String id) {
        var me = user.actor();
        return grants.visible(id, me).chain(c -> conversations.detail(id, c.centre))
                .map(d -> new ExpertView(d.conversation(), d.messages().stream().filter(m -> !m.hidden
                        || MessageView.INBOUND.equals(m.direction)).toList()));
    }

    @Consumes(MediaType.APPLICATION_JSON) // its body is JSON; bodiless actions take any type
    @POST
    @Path("/{id}/replies")
    @ResponseStatus(202)
    @Operation(summary = "Answer publicly (right 'answer'); the answer may wait for an agent's review")
    public Uni<MessageView> reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest body) {
        return replies.sendAsExpert(user.actor(), id, new ReplyService.Draft(body.text(), body.language(), body.space(),
                body.inReplyTo(), body.override()));
    }

    @POST
    @Path("/{id}/messages/{key}/accept")
    @Operation(summary = "Mark an answer accepted (right 'accept')")
    public Uni<MessageView> accept(@PathParam("id") String id, @PathParam("key") String key) {
        return experts.accept(user.actor(), id, key);
    }

    @POST
    @Path("/{id}/messages/{key}/hide")
    @Operation(summary = "Hide a spam post (right 'hide')")
    public Uni<MessageView> hide(@PathParam("id") String id, @PathParam("key") String key) {
        return experts.hide(user.actor(), id, key);
    }

    /** What an expert sees of a conversation: no internal notes, no audit. */
    public record ExpertView(ConversationView conversation, List<MessageView> messages) {
    }
}
