package io.vigie.workspace.rest;

import io.vigie.workspace.config.WorkspaceConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the web UI needs before login: where the OIDC provider is and which public client to use. */
@Path("/api/ui-config")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class UiConfigResource {

    private final WorkspaceConfig config;

    public UiConfigResource(WorkspaceConfig config) {
        this.config = config;
    }

    @GET
    public UiConfig get() {
        return new UiConfig(config.ui().oidcUrl(), config.ui().clientId());
    }

    /** The OIDC issuer URL and the public client id. */
    public record UiConfig(String oidcUrl, String clientId) {
    }
}
