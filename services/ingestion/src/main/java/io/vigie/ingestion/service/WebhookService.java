package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.mapping.DiscoursePayloadMapper;
import io.vigie.ingestion.mapping.InvalidPostException;
import io.vigie.ingestion.mapping.LinkedinPayloadMapper;
import io.vigie.ingestion.mapping.MetaPayloadMapper;
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

    public WebhookService(IngestionConfig config, ObjectMapper json, NetworkIntake intake, MetaPayloadMapper meta,
            DiscoursePayloadMapper discourse, LinkedinPayloadMapper linkedin, ConnectorStatus status) {
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
        return intake.take("meta", meta.items(parse(body)));
    }

    /** A Discourse event signed with X-Discourse-Event-Signature: sha256=hex(HMAC(secret, raw body)). */
    public Uni<WebhookResult> discourse(byte[] body, String signature, String event, String instance) {
        verify("discourse", config.discourse().webhookSecret(), "vigie.ingestion.discourse.webhook-secret",
                "X-Discourse-Event-Signature", signature, body, "sha256=");
        return intake.take("discourse", discourse.items(event, instance != null ? instance
                : config.discourse().baseUrl().orElse(null), parse(body)));
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
        return intake.take("linkedin", linkedin.notifications(parse(body)));
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
