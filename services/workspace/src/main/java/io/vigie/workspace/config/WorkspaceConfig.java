package io.vigie.workspace.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed configuration of the workspace ({@code vigie.workspace.*}). */
@ConfigMapping(prefix = "vigie.workspace")
public interface WorkspaceConfig {

    /** How long before a conversation's response is due the agents get an SLA warning. */
    @WithDefault("PT5M")
    Duration slaWarningBefore();

    /** How old an unpublished reply must be before the outbox sends it again. */
    @WithDefault("PT10S")
    Duration republishAfter();

    /** How often the outbox and the SLA clock run (a Quarkus scheduler period, e.g. {@code 5s}). */
    @WithDefault("5s")
    String outboxEvery();

    /** Whether an expert's answer waits for an agent's approval before it is posted. */
    @WithDefault("true")
    boolean expertReviewRequired();

    /** What the browser needs to log in. */
    Ui ui();

    /** Settings handed to the web UI. */
    interface Ui {
        /** The OIDC issuer the browser logs in with (the realm's URL as the browser reaches it). */
        @WithDefault("http://127.0.0.1:8180/realms/vigie")
        String oidcUrl();

        /** The public OIDC client of the web UI (authorization code + PKCE). */
        @WithDefault("vigie-web")
        String clientId();
    }
}
