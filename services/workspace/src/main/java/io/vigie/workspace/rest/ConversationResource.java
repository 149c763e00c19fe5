package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.domain.Note;
import io.vigie.workspace.rest.Requests.EscalateRequest;
import io.vigie.workspace.rest.Requests.LabelRequest;
import io.vigie.workspace.rest.Requests.NoteRequest;
import io.vigie.workspace.rest.Requests.ReplyRequest;
import io.vigie.workspace.rest.Requests.TakeBackRequest;
import io.vigie.workspace.rest.Requests.TransferRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.AgentActionService;
import io.vigie.workspace.service.CannedReplyService;
import io.vigie.workspace.service.ConversationService;
import io.vigie.workspace.service.Outbox;
import io.vigie.workspace.service.Problems;
import io.vigie.workspace.service.ReplyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

/** The agents' conversations API: their centre's queues, each conversation's detail, and every action on it. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
// No class-level @Consumes: bodiless actions take any content type; each action with a body consumes JSON only
// (without it a text/plain body was read into the request record, NUL characters included).
@RolesAllowed({ "agent", "supervisor" })
public class ConversationResource {

    private final ConversationService conversations;
    private final AgentActionService actions;
    private final ReplyService replies;
    private final CannedReplyService canned;
    private final Outbox outbox;
    private final CurrentUser user;

    public ConversationResource(ConversationService conversations, AgentActionService actions, ReplyService replies,
            CannedReplyService canned, Outbox outbox, CurrentUser user) {
        this.conversations = conversations;
        this.actions = actions;
        this.replies = replies;
        this.canned = canned;
        this.outbox = outbox;
        this.user = user;
    }

    @GET
    @Operation(summary = "Conversations of my centre, most urgent first; mine=true for those I hold")
    public Uni<List<ConversationView>> list(
            @QueryParam("queue") @Pattern(regexp = "[a-z0-9_-]{1,64}") String queue,
            @QueryParam("state") @Pattern(regexp = "new|queued|assigned|waiting_customer|escalated|resolved|closed") String state,
            @QueryParam("mine") @DefaultValue("false") boolean mine,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        String me = user.name();
        return conversations.queue(user.centre(), queue, state, mine ? 500 : limit)
                .map(l -> mine ? l.stream().filter(c -> me.equals(c.assignee)).limit(limit).toList() : l);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One conversation of my centre: messages both ways with delivery status, notes, labels, history")
    public Uni<ConversationService.ConversationDetail> get(@PathParam("id") String id) {
        return conversations.detail(id, user.centre()).onItem().ifNull()
                .failWith(() -> Problems.notFound("no conversation " + id + " in your centre"));
    }

    @POST
    @Path("/{id}/claim")
    @Operation(summary = "Take the conversation (409 if another agent holds it)")
    public Uni<ConversationView> claim(@PathParam("id") String id) {
        return actions.claim(id, user.actor());
    }

    @POST
    @Path("/{id}/release")
    @Operation(summary = "Put the conversation back in the queue")
    public Uni<ConversationView> release(@PathParam("id") String id) {
        return actions.release(id, user.actor());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/transfer")
    @Operation(summary = "Give the conversation to another agent, or (supervisors) to another centre")
    public Uni<ConversationView> transfer(@PathParam("id") String id, @Valid @NotNull TransferRequest body) {
        return actions.transfer(id, user.actor(), body.toAgent(), body.toCentre(), body.reason());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/replies")
    @ResponseStatus(202)
    @Operation(summary = "Reply publicly; 422 with the violations when the public-reply policy blocks it")
    public Uni<MessageView> reply(@PathParam("id") String id, @Valid @NotNull ReplyRequest body) {
        return replies.send(user.actor(), id, new ReplyService.Draft(body.text(), body.language(), body.space(),
                body.inReplyTo(), body.override()));
    }

    @POST
    @Path("/{id}/messages/{key}/approve")
    @Operation(summary = "Approve an expert's answer waiting for review: it is posted")
    public Uni<MessageView> approve(@PathParam("id") String id, @PathParam("key") String key) {
        return replies.review(user.actor(), id, key, true);
    }

    @POST
    @Path("/{id}/messages/{key}/reject")
    @Operation(summary = "Reject an expert's answer waiting for review")
    public Uni<MessageView> reject(@PathParam("id") String id, @PathParam("key") String key) {
        return replies.review(user.actor(), id, key, false);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/notes")
    @ResponseStatus(201)
    @Operation(summary = "Add an internal note")
    public Uni<Note> note(@PathParam("id") String id, @Valid @NotNull NoteRequest body) {
        return actions.note(id, user.actor(), body.text());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/labels")
    @Operation(summary = "Add a label")
    public Uni<Void> addLabel(@PathParam("id") String id, @Valid @NotNull LabelRequest body) {
        return actions.addLabel(id, user.actor(), body.label());
    }

    @DELETE
    @Path("/{id}/labels/{label}")
    @Operation(summary = "Remove a label")
    public Uni<Void> removeLabel(@PathParam("id") String id, @PathParam("label") String label) {
        return actions.removeLabel(id, user.actor(), label);
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/escalate")
    @Operation(summary = "Escalate to an internal team (support, marketing, b2b) with context")
    public Uni<ConversationView> escalate(@PathParam("id") String id, @Valid @NotNull EscalateRequest body) {
        return actions.escalate(id, user.actor(), body.team(), body.context());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("/{id}/take-back")
    @Operation(summary = "Take an escalated conversation back")
    public Uni<ConversationView> takeBack(@PathParam("id") String id, @Valid TakeBackRequest body) {
        return actions.takeBack(id, user.actor(), body == null ? null : body.outcome());
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Mark the conversation resolved")
    public Uni<ConversationView> resolve(@PathParam("id") String id) {
        return actions.resolve(id, user.actor());
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close the conversation: sets and publishes the sentiment at start and end")
    public Uni<ConversationView> close(@PathParam("id") String id) {
        return actions.close(id, user.actor()).call(c -> outbox.publishClosed(c.id));
    }

    @GET
    @Path("/{id}/canned")
    @Operation(summary = "Canned replies in the conversation's language, variables filled in")
    public Uni<List<CannedReplyService.Rendered>> canned(@PathParam("id") String id) {
        return canned.forConversation(user.actor(), id);
    }
}
