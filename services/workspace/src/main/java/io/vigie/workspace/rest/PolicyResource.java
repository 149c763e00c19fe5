package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.policy.PolicyVerdict;
import io.vigie.workspace.rest.Requests.PolicyCheckRequest;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.ReplyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Live check of a draft against the public-reply policy, while the agent types. */
@Path("/api/policy/check")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "agent", "supervisor", "expert" })
public class PolicyResource {

    private final ReplyService replies;
    private final CurrentUser user;

    public PolicyResource(ReplyService replies, CurrentUser user) {
        this.replies = replies;
        this.user = user;
    }

    @POST
    @Operation(summary = "The verdict on a draft: allowed, and every rule broken with the offending text")
    public Uni<PolicyVerdict> check(@Valid @NotNull PolicyCheckRequest body) {
        return replies.check(user.actor(), body.conversationId(), new ReplyService.Draft(body.text(), body.language(),
                body.space(), body.inReplyTo(), null));
    }
}
