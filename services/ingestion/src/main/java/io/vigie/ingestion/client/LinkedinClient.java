package io.vigie.ingestion.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** LinkedIn versioned REST client: comments of a post ({@code /rest/socialActions/{urn}/comments}), read and written. */
@ApplicationScoped
public class LinkedinClient {

    private final HttpSupport http;
    private final IngestionConfig.Linkedin config;

    public LinkedinClient(HttpSupport http, IngestionConfig config) {
        this.http = http;
        this.config = config.linkedin();
    }

    /** Whether the token and the organization are configured. */
    public boolean configured() {
        return config.accessToken().filter(t -> !t.isBlank()).isPresent() && config.organization().isPresent();
    }

    private String url(String object) {
        return config.baseUrl().replaceAll("/+$", "") + "/rest/socialActions/" + URLEncoder.encode(object, StandardCharsets.UTF_8)
                + "/comments";
    }

    /** One page of the comments on a post, as JSON ({@code elements}, {@code paging}). */
    public Uni<JsonObject> comments(String post, int start, int count) {
        return http.request(HttpMethod.GET, url(post) + "?start=" + start + "&count=" + count)
                .bearerTokenAuthentication(config.accessToken().orElseThrow())
                .putHeader("LinkedIn-Version", config.version()).putHeader("X-Restli-Protocol-Version", "2.0.0")
                .send()
                .map(r -> {
                    http.rateLimit("linkedin", r);
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("linkedin answered " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    return r.bodyAsJsonObject();
                });
    }

    /** Replies, as the organization, to a comment ({@code urn:li:comment:(activity,id)}) or a post URN. */
    public Uni<PostOutcome> reply(String inReplyTo, String text) {
        if (!configured()) {
            return Uni.createFrom().item(new PostOutcome.Failed(
                    "linkedin connector is not configured (VIGIE_INGESTION_LINKEDIN_ACCESS_TOKEN, vigie.ingestion.linkedin.organization)"));
        }
        String object = inReplyTo;
        String parent = null;
        if (inReplyTo.startsWith("urn:li:comment:(")) {
            int comma = inReplyTo.indexOf(',');
            if (comma < 0) {
                return Uni.createFrom().item(new PostOutcome.Failed("unreadable comment URN " + inReplyTo));
            }
            object = inReplyTo.substring("urn:li:comment:(".length(), comma);
            parent = inReplyTo;
        }
        JsonObject body = new JsonObject().put("actor", config.organization().get()).put("object", object)
                .put("message", new JsonObject().put("text", text));
        if (parent != null) {
            body.put("parentComment", parent);
        }
        return http.request(HttpMethod.POST, url(parent != null ? parent : object))
                .bearerTokenAuthentication(config.accessToken().get())
                .putHeader("LinkedIn-Version", config.version()).putHeader("X-Restli-Protocol-Version", "2.0.0")
                .sendJsonObject(body)
                .map(r -> {
                    http.rateLimit("linkedin", r);
                    if (r.statusCode() / 100 != 2) {
                        return http.failure("linkedin", r);
                    }
                    String id = r.getHeader("x-restli-id");
                    if (id == null && r.body() != null && r.body().length() > 0) {
                        id = r.bodyAsJsonObject().getString("commentUrn", r.bodyAsJsonObject().getString("$URN"));
                    }
                    return id == null ? new PostOutcome.Failed("linkedin answered " + r.statusCode() + " without an id")
                            : (PostOutcome) new PostOutcome.Delivered(id);
                })
                .onFailure().recoverWithItem(t -> http.unreachable("linkedin", t));
    }
}
