package io.vigie.workspace.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.AuditEntry;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.AuditService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log of the supervisor's centre. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("supervisor")
public class AuditResource {

    private final AuditService audit;
    private final CurrentUser user;

    public AuditResource(AuditService audit, CurrentUser user) {
        this.audit = audit;
        this.user = user;
    }

    @GET
    @Operation(summary = "Actions of my centre, newest first; overrides=true for policy overrides only")
    public Uni<List<AuditEntry>> list(@QueryParam("conversationId") String conversationId,
            @QueryParam("overrides") @DefaultValue("false") boolean overrides,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.ofCentre(user.centre(), conversationId, overrides, limit);
    }
}
