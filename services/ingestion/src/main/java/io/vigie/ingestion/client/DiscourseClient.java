package io.vigie.ingestion.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Discourse API client: replies in the topic of a post ({@code GET /posts/{id}.json}, then {@code POST /posts.json}). */
@ApplicationScoped
public class DiscourseClient {

    private final HttpSupport http;
    private final IngestionConfig.Discourse config;

    public DiscourseClient(HttpSupport http, IngestionConfig config) {
        this.http = http;
        this.config = config.discourse();
    }

    /** Replies to the post whose id is {@code inReplyTo}. */
    public Uni<PostOutcome> reply(String inReplyTo, String text) {
        if (config.baseUrl().isEmpty() || config.apiKey().filter(k -> !k.isBlank()).isEmpty()) {
            return Uni.createFrom().item(new PostOutcome.Failed(
                    "discourse connector is not configured (vigie.ingestion.discourse.base-url, VIGIE_INGESTION_DISCOURSE_API_KEY)"));
        }
        String base = config.baseUrl().get().replaceAll("/+$", "");
        if (!inReplyTo.chars().allMatch(Character::isDigit)) {
            return Uni.createFrom().item(new PostOutcome.Failed("'" + inReplyTo + "' is not a Discourse post id"));
        }
        return http.request(HttpMethod.GET, base + "/posts/" + inReplyTo + ".json")
                .putHeader("Api-Key", config.apiKey().get()).putHeader("Api-Username", config.apiUsername())
                .send()
                .chain(r -> {
                    if (r.statusCode() != 200) {
                        return Uni.createFrom().item(http.failure("discourse", r));
                    }
                    JsonObject post = r.bodyAsJsonObject();
                    JsonObject reply = new JsonObject().put("topic_id", post.getValue("topic_id")).put("raw", text)
                            .put("reply_to_post_number", post.getValue("post_number"));
                    return http.request(HttpMethod.POST, base + "/posts.json")
                            .putHeader("Api-Key", config.apiKey().get()).putHeader("Api-Username", config.apiUsername())
                            .sendJsonObject(reply)
                            .map(p -> p.statusCode() / 100 == 2 && p.bodyAsJsonObject().getValue("id") != null
                                    ? (PostOutcome) new PostOutcome.Delivered(String.valueOf(p.bodyAsJsonObject().getValue("id")))
                                    : http.failure("discourse", p));
                })
                .onFailure().recoverWithItem(t -> http.unreachable("discourse", t));
    }
}
