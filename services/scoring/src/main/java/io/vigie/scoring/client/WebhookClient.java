package io.vigie.scoring.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs signed alert notifications to outgoing webhooks. The body is the Alert JSON; {@code X-Vigie-Signature} is
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>} so that a receiver can
 * check the signature in constant time and refuse old timestamps (replays); {@code X-Vigie-Delivery} identifies the
 * delivery (the same on every retry, for de-duplication).
 */
@ApplicationScoped
public class WebhookClient {

    /** Header carrying the timestamp and the signature. */
    public static final String SIGNATURE = "X-Vigie-Signature";
    /** Header carrying the delivery id. */
    public static final String DELIVERY = "X-Vigie-Delivery";

    private final WebClient client;

    public WebhookClient(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000)
                .setUserAgent("Vigie-radar/0.1").setFollowRedirects(false));
    }

    /** Sends one notification; emits the HTTP status of the answer. */
    public Uni<Integer> post(String url, String secret, String deliveryId, String body, long timeoutMillis) {
        long t = System.currentTimeMillis() / 1000;
        return client.requestAbs(HttpMethod.POST, url).timeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader(SIGNATURE, "t=" + t + ",v1=" + sign(secret, t, body))
                .putHeader(DELIVERY, deliveryId)
                .sendBuffer(Buffer.buffer(body))
                .map(r -> r.statusCode());
    }

    /** Hex HMAC-SHA256 of {@code "<t>.<body>"}. */
    public static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
