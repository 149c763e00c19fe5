package io.vigie.scoring.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback for the radar's outgoing notifications: records every request (headers and body)
 * and answers 503 to the first one, so that the retry is exercised.
 */
public class WebhookReceiver implements QuarkusTestResourceLifecycleManager {

    /** One request received. */
    public record Received(String signature, String delivery, String body, int answered) {
    }

    /** The secret the endpoint shares with the radar (generated per run). */
    public static final String SECRET = UUID.randomUUID().toString();
    /** Everything received, in order. */
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

    private static final AtomicInteger COUNT = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/vigie", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = COUNT.incrementAndGet() == 1 ? 503 : 204;
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("X-Vigie-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Vigie-Delivery"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of("vigie.radar.webhooks.oncall.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/vigie",
                "vigie.radar.webhooks.oncall.secret", SECRET,
                "vigie.radar.webhook-delivery.backoff", "200ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
