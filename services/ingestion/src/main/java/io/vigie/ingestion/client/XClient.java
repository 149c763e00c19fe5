package io.vigie.ingestion.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** X API v2 client: posting replies ({@code POST /2/tweets}) and reading mentions ({@code GET /2/users/{id}/mentions}). */
@ApplicationScoped
public class XClient {

    /** Fields asked for every post read, so that it can be normalised. */
    public static final String TWEET_QUERY = "tweet.fields=created_at,lang,conversation_id,in_reply_to_user_id,"
            + "referenced_tweets,author_id,edit_history_tweet_ids&expansions=author_id"
            + "&user.fields=username,verified,public_metrics";

    private final HttpSupport http;
    private final IngestionConfig.X config;

    public XClient(HttpSupport http, IngestionConfig config) {
        this.http = http;
        this.config = config.x();
    }

    String base() {
        return config.baseUrl().replaceAll("/+$", "");
    }

    /** Posts {@code text} as a reply to the post {@code inReplyTo}, from the brand account of the user token. */
    public Uni<PostOutcome> reply(String inReplyTo, String text) {
        if (config.userToken().filter(t -> !t.isBlank()).isEmpty()) {
            return Uni.createFrom().item(new PostOutcome.Failed("x connector has no user token (VIGIE_INGESTION_X_USER_TOKEN)"));
        }
        JsonObject body = new JsonObject().put("text", text).put("reply", new JsonObject().put("in_reply_to_tweet_id", inReplyTo));
        return http.request(HttpMethod.POST, base() + "/2/tweets")
                .bearerTokenAuthentication(config.userToken().get())
                .sendJsonObject(body)
                .map(r -> {
                    http.rateLimit("x", r);
                    if (r.statusCode() / 100 != 2) {
                        return http.failure("x", r);
                    }
                    JsonObject data = r.bodyAsJsonObject().getJsonObject("data");
                    return data == null || data.getString("id") == null
                            ? new PostOutcome.Failed("x answered " + r.statusCode() + " without data.id: " + r.bodyAsString())
                            : (PostOutcome) new PostOutcome.Delivered(data.getString("id"));
                })
                .onFailure().recoverWithItem(t -> http.unreachable("x", t));
    }

    /** One page of the brand account's mentions newer than {@code sinceId} (null for the latest page). */
    public Uni<io.vertx.mutiny.ext.web.client.HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> mentions(String userId,
            String sinceId, String paginationToken) {
        String url = base() + "/2/users/" + userId + "/mentions?max_results=100&" + TWEET_QUERY
                + (sinceId == null ? "" : "&since_id=" + sinceId)
                + (paginationToken == null ? "" : "&pagination_token=" + paginationToken);
        return http.request(HttpMethod.GET, url).bearerTokenAuthentication(config.bearerToken().orElseThrow()).send()
                .invoke(r -> http.rateLimit("x", r));
    }
}
