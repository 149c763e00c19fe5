package io.vigie.ingestion.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.service.WebhookRefusedException;
import io.vigie.ingestion.service.WebhookResult;
import io.vigie.ingestion.service.WebhookService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Network webhooks. No token: each delivery is authenticated by its HMAC signature over the raw body. A 2xx means
 * every post is stored (or dead-lettered); an unsigned or malformed delivery gets a 4xx problem and nothing is published.
 */
@Path("/webhooks")
@PermitAll
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Path("/meta")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Meta's verification handshake: echoes hub.challenge when hub.verify_token matches")
    public String metaVerify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        return webhooks.metaChallenge(mode, token, challenge);
    }

    @POST
    @Path("/meta")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Facebook page feed, Instagram comments, Messenger messages (X-Hub-Signature-256)")
    public Uni<WebhookResult> meta(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature) {
        return webhooks.meta(body(body), signature);
    }

    @POST
    @Path("/discourse")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discourse topics and posts (X-Discourse-Event-Signature)")
    public Uni<WebhookResult> discourse(byte[] body, @HeaderParam("X-Discourse-Event-Signature") String signature,
            @HeaderParam("X-Discourse-Event") String event, @HeaderParam("X-Discourse-Instance") String instance) {
        return webhooks.discourse(body(body), signature, event, instance);
    }

    @GET
    @Path("/linkedin")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "LinkedIn's endpoint validation (challengeCode)")
    public Map<String, String> linkedinVerify(@QueryParam("challengeCode") String challengeCode) {
        return Map.of("challengeCode", challengeCode == null ? "" : challengeCode,
                "challengeResponse", webhooks.linkedinChallenge(challengeCode));
    }

    @POST
    @Path("/linkedin")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "LinkedIn organization social action notifications (X-LI-Signature)")
    public Uni<WebhookResult> linkedin(byte[] body, @HeaderParam("X-LI-Signature") String signature) {
        return webhooks.linkedin(body(body), signature);
    }

    private static byte[] body(byte[] body) {
        return body == null ? new byte[0] : body;
    }

    @ServerExceptionMapper
    public Response refused(WebhookRefusedException e) {
        return HttpProblem.builder().withStatus(e.status()).withTitle("Webhook refused").withDetail(e.getMessage())
                .build().toResponse();
    }

    @ServerExceptionMapper
    public Response malformed(InvalidPostException e) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Malformed webhook payload")
                .withDetail(e.getMessage()).build().toResponse();
    }
}
