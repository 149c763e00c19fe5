package io.vigie.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the crisis radar ({@code vigie.radar.*}); the detection defaults are in RadarSettings. */
@ConfigMapping(prefix = "vigie.radar")
public interface RadarConfig {

    /** Sensitivity of every series without one of its own: {@code low}, {@code normal} or {@code high}. */
    @WithDefault("normal")
    String defaultSensitivity();

    /** Sensitivity per watchlist: {@code vigie.radar.sensitivity.<watchlist-id>=low|normal|high}. */
    Map<String, String> sensitivity();

    /** Quiet time after which an incident is resolved (default: RadarSettings, 10 minutes). */
    Optional<Duration> resolveAfter();

    /**
     * Burst size, as a multiple of the baseline, the watchlists' sequential test (a CUSUM beside the windows) is designed
     * for; 0 turns it off (default: RadarSettings, 5).
     */
    Optional<Double> sequentialRatio();

    /** How far after the wall clock a mention may be stamped and still count (RadarSettings.maxAhead). */
    @WithDefault("7d")
    Duration maxAhead();

    /** How often the clock is moved when no mention arrives, and the outbox relayed. */
    @WithDefault("1s")
    Duration tick();

    /**
     * Diagnostic, off by default: a file to which every mention the radar counts is appended (JSON lines: partition,
     * offset, wall time, the radar's view of the mention), so that {@code scoring-cli radar-replay} can run the same
     * detector offline on exactly what this instance saw ({@code make eval-spikes} records its runs).
     */
    Optional<java.nio.file.Path> record();

    /** How often the leader writes the radar's state and offsets to the database. */
    @WithDefault("30s")
    Duration snapshotEvery();

    /** How long the leader's lease lasts without renewal (renewed every third of it). */
    @WithDefault("15s")
    Duration lease();

    /** Outgoing webhooks notified of every alert: {@code vigie.radar.webhooks.<name>.url} and {@code .secret}. */
    Map<String, Webhook> webhooks();

    /** Delivery of the webhooks. */
    WebhookDelivery webhookDelivery();

    /** One outgoing webhook endpoint. */
    interface Webhook {
        /** Absolute URL the alert is POSTed to. */
        String url();

        /** HMAC-SHA256 key of the {@code X-Vigie-Signature} header; from a Secret, never committed. */
        String secret();

        /** Lowest severity sent to this endpoint: low, medium, high or critical. */
        @WithDefault("low")
        String minSeverity();
    }

    /** Retries of webhook deliveries. */
    interface WebhookDelivery {
        /** Attempts before a delivery counts as failed. */
        @WithDefault("10")
        int maxAttempts();

        /** Timeout of one attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** Delay before the first retry; doubled after each failure, at most {@code max-backoff}. */
        @WithDefault("2s")
        Duration backoff();

        /** Longest delay between two attempts. */
        @WithDefault("10m")
        Duration maxBackoff();
    }
}
