package io.vigie.ingestion.rest;

import io.vigie.ingestion.service.ConnectorStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Connector status for administrators: state, lag, last error, rate-limit budget left, counts. */
@Path("/api/admin/connectors")
@RolesAllowed("admin")
public class ConnectorResource {

    private final ConnectorStatus status;

    public ConnectorResource(ConnectorStatus status) {
        this.status = status;
    }

    @GET
    @Operation(summary = "Every connector's live state")
    public Collection<ConnectorStatus.View> list() {
        return status.all().values();
    }
}
