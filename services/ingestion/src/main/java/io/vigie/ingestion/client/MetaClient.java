package io.vigie.ingestion.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.MultiMap;
import io.vigie.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Graph API client: public replies to Facebook comments ({@code /{id}/comments}) and Instagram comments ({@code /{id}/replies}). */
@ApplicationScoped
public class MetaClient {

    private final HttpSupport http;
    private final IngestionConfig.Meta config;

    public MetaClient(HttpSupport http, IngestionConfig config) {
        this.http = http;
        this.config = config.meta();
    }

    /** Replies publicly under the comment or post {@code inReplyTo}. */
    public Uni<PostOutcome> reply(String network, String inReplyTo, String text) {
        Optional<String> token = config.accessToken().filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return Uni.createFrom().item(new PostOutcome.Failed("meta connector has no access token (VIGIE_INGESTION_META_ACCESS_TOKEN)"));
        }
        if (inReplyTo.startsWith("m_") || inReplyTo.startsWith("mid.")) {
            return Uni.createFrom().item(new PostOutcome.Failed("Messenger conversations are private; Vigie answers publicly only"));
        }
        String edge = network.equals("instagram") ? "/replies" : "/comments";
        String url = config.baseUrl().replaceAll("/+$", "") + "/" + inReplyTo + edge;
        return http.request(HttpMethod.POST, url)
                .bearerTokenAuthentication(token.get())
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("message", text))
                .map(r -> {
                    if (r.statusCode() / 100 == 2) {
                        JsonObject body = r.bodyAsJsonObject();
                        String id = body == null ? null : body.getString("id");
                        return id == null ? new PostOutcome.Failed("meta answered " + r.statusCode() + " without an id")
                                : (PostOutcome) new PostOutcome.Delivered(id);
                    }
                    return http.failure("meta", r);
                })
                .onFailure().recoverWithItem(t -> http.unreachable("meta", t));
    }
}
