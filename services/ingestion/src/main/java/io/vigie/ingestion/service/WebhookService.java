package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.mapping.DiscoursePayloadMapper;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.mapping.LinkedinPayloadMapper;
import io.vigie.ingestion.mapping.MetaPayloadMapper;
import io.vigie.ingestion.repository.DeliveryLedger;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Webhook deliveries of Meta, Discourse and LinkedIn: signature checked over the raw body (HMAC-SHA256, constant-time
 * comparison) before anything is parsed, then the payload's items handed to {@link NetworkIntake}.
 */
@ApplicationScoped
public class WebhookService {

    private final IngestionConfig config;
    private final ObjectMapper json;
    private final NetworkIntake intake;
    private final MetaPayloadMapper meta;
    private final DiscoursePayloadMapper discourse;
    private final LinkedinPayloadMapper linkedin;
    private final ConnectorStatus status;
    private final DeliveryLedger ledger;

    public WebhookService(IngestionConfig config, ObjectMapper json, NetworkIntake intake, MetaPayloadMapper meta,
            DiscoursePayloadMapper discourse, LinkedinPayloadMapper linkedin, ConnectorStatus status, DeliveryLedger ledger) {
        this.ledger = ledger;
        this.config = config;
        this.json = json;
        this.intake = intake;
        this.meta = meta;
        this.discourse = discourse;
        this.linkedin = linkedin;
        this.status = status;
        status.declare("meta", config.meta().appSecret().isPresent() ? "waiting" : "disabled");
        status.declare("discourse", config.discourse().webhookSecret().isPresent() ? "waiting" : "disabled");
        status.declare("linkedin", config.linkedin().clientSecret().isPresent() ? "waiting" : "disabled");
    }

    /** Meta's subscription handshake: the challenge to echo, if the mode and verify token are right. */
    public String metaChallenge(String mode, String verifyToken, String challenge) {
        String expected = secret(config.meta().verifyToken(), "meta", "vigie.ingestion.meta.verify-token");
        if (!"subscribe".equals(mode) || !Signatures.sameSecret(expected, verifyToken)) {
            throw new WebhookRefusedException(403, "hub.mode must be subscribe and hub.verify_token must match");
        }
        if (challenge == null || challenge.isEmpty()) {
            throw new InvalidPostException("hub.challenge is required");
        }
        return challenge;
    }

    /** A Meta notification signed with X-Hub-Signature-256: sha256=hex(HMAC(app secret, raw body)). */
    public Uni<WebhookResult> meta(byte[] body, String signature) {
        verify("meta", config.meta().appSecret(), "vigie.ingestion.meta.app-secret", "X-Hub-Signature-256", signature,
                body, "sha256=");
        JsonNode payload = parse(body);
        return once("meta", body, () -> intake.take("meta", meta.items(payload)));
    }

    /** A Discourse event signed with X-Discourse-Event-Signature: sha256=hex(HMAC(secret, raw body)). */
    public Uni<WebhookResult> discourse(byte[] body, String signature, String event, String instance) {
        verify("discourse", config.discourse().webhookSecret(), "vigie.ingestion.discourse.webhook-secret",
                "X-Discourse-Event-Signature", signature, body, "sha256=");
        JsonNode payload = parse(body);
        return once("discourse", body, () -> intake.take("discourse", discourse.items(event, instance != null ? instance
                : config.discourse().baseUrl().orElse(null), payload)));
    }

    /** LinkedIn's endpoint validation: hex(HMAC(client secret, challengeCode)). */
    public String linkedinChallenge(String challengeCode) {
        String secret = secret(config.linkedin().clientSecret(), "linkedin", "vigie.ingestion.linkedin.client-secret");
        if (challengeCode == null || challengeCode.isBlank()) {
            throw new InvalidPostException("challengeCode is required");
        }
        return Signatures.hmacSha256Hex(secret, challengeCode.getBytes(StandardCharsets.UTF_8));
    }

    /** A LinkedIn notification signed with X-LI-Signature: hex(HMAC(client secret, "hmacsha256=" + raw body)). */
    public Uni<WebhookResult> linkedin(byte[] body, String signature) {
        byte[] prefix = "hmacsha256=".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        verify("linkedin", config.linkedin().clientSecret(), "vigie.ingestion.linkedin.client-secret", "X-LI-Signature",
                signature, signed, "");
        JsonNode payload = parse(body);
        return once("linkedin", signed, () -> intake.take("linkedin", linkedin.notifications(payload)));
    }

    /**
     * Processes a signed delivery unless the same signed bytes were processed within the replay window (409). The
     * delivery is recorded only once processed, so a network's retry of a delivery that failed is processed.
     */
    private Uni<WebhookResult> once(String connector, byte[] signed, java.util.function.Supplier<Uni<WebhookResult>> work) {
        String id = DeliveryLedger.id(connector, signed);
        return ledger.processed(id).chain(seen -> {
            if (seen != null) {
                status.error(connector, "replayed delivery refused");
                return Uni.createFrom().failure(new WebhookRefusedException(409,
                        "replayed delivery: this signed body was already processed at " + seen.receivedAt));
            }
            return work.get().call(result -> ledger.record(id, connector, java.time.Instant.now())
                    .onFailure().recoverWithNull());
        });
    }

    /** Forgets processed deliveries older than the replay window. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "1m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeDeliveries() {
        return ledger.purge(java.time.Instant.now().minus(config.webhooks().replayWindow()))
                .onFailure().recoverWithItem(0L).replaceWithVoid();
    }

    private void verify(String connector, Optional<String> secret, String key, String header, String presented,
            byte[] signed, String prefix) {
        String s = secret(secret, connector, key);
        if (presented == null || presented.isBlank()) {
            status.error(connector, "unsigned delivery refused");
            throw new WebhookRefusedException(401, "missing " + header + " header: the delivery is not signed");
        }
        if (!Signatures.valid(s, signed, presented, prefix)) {
            status.error(connector, "badly signed delivery refused");
            throw new WebhookRefusedException(403, header + " does not match the body");
        }
        status.state(connector, "receiving");
    }

    private static String secret(Optional<String> secret, String connector, String key) {
        return secret.filter(s -> !s.isBlank()).orElseThrow(() -> new WebhookRefusedException(404,
                "the " + connector + " webhook is not configured (" + key + " is not set)"));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new InvalidPostException("the body is not a JSON object");
            }
            return node;
        } catch (java.io.IOException e) {
            throw new InvalidPostException("the body is not JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
