package io.vigie.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed configuration of the ingestion service ({@code vigie.ingestion.*}). Secrets have no default and come from
 * the environment (e.g. {@code VIGIE_INGESTION_META_APP_SECRET}); a connector without its secret stays disabled.
 */
@ConfigMapping(prefix = "vigie.ingestion")
public interface IngestionConfig {

    /** Age of an accepted but unpublished mention before the outbox relay sends it again. */
    @WithDefault("10s")
    Duration republishAfter();

    /** Watchlist settings. */
    Watchlists watchlists();

    /** Signed webhook deliveries. */
    Webhooks webhooks();

    /** Signed webhook deliveries. */
    interface Webhooks {
        /** How long a processed delivery is remembered: the same signed body again within it is refused as a replay (409). */
        @WithDefault("P7D")
        Duration replayWindow();
    }

    /** Facebook, Instagram and Messenger (Meta Graph API and webhooks). */
    Meta meta();

    /** Discourse community forum. */
    Discourse discourse();

    /** LinkedIn organization social actions. */
    Linkedin linkedin();

    /** X (Twitter) API v2. */
    X x();

    /** RSS and Atom feeds. */
    Rss rss();

    /** Posting replies. */
    Outbound outbound();

    /** Watchlist settings. */
    interface Watchlists {
        /** How often each instance reloads the watchlists from the database (changes made here apply at once). */
        @WithDefault("30s")
        Duration refresh();

        /** How many recent mentions a dry-run scans at most. */
        @WithDefault("5000")
        int dryRunScan();
    }

    /** Meta Graph API and webhooks. */
    interface Meta {
        /** Graph API base URL, with its version. */
        @WithDefault("https://graph.facebook.com/v21.0")
        String baseUrl();

        /** App secret: key of the X-Hub-Signature-256 HMAC. Env VIGIE_INGESTION_META_APP_SECRET. */
        Optional<String> appSecret();

        /** Verify token echoed in the hub.challenge handshake. Env VIGIE_INGESTION_META_VERIFY_TOKEN. */
        Optional<String> verifyToken();

        /** Page access token used to post replies. Env VIGIE_INGESTION_META_ACCESS_TOKEN. */
        Optional<String> accessToken();
    }

    /** Discourse forum. */
    interface Discourse {
        /** Forum base URL, e.g. https://community.example.com. */
        Optional<String> baseUrl();

        /** Secret of the webhook's X-Discourse-Event-Signature HMAC. Env VIGIE_INGESTION_DISCOURSE_WEBHOOK_SECRET. */
        Optional<String> webhookSecret();

        /** API key used to post replies. Env VIGIE_INGESTION_DISCOURSE_API_KEY. */
        Optional<String> apiKey();

        /** User the replies are posted as. */
        @WithDefault("system")
        String apiUsername();
    }

    /** LinkedIn. */
    interface Linkedin {
        /** API base URL. */
        @WithDefault("https://api.linkedin.com")
        String baseUrl();

        /** LinkedIn-Version header of the versioned REST API. */
        @WithDefault("202510")
        String version();

        /** Client secret: key of the webhook's X-LI-Signature HMAC. Env VIGIE_INGESTION_LINKEDIN_CLIENT_SECRET. */
        Optional<String> clientSecret();

        /** OAuth access token (r/w_organization_social). Env VIGIE_INGESTION_LINKEDIN_ACCESS_TOKEN. */
        Optional<String> accessToken();

        /** The brand organization, e.g. urn:li:organization:2414183; replies are posted as it. */
        Optional<String> organization();

        /** Post URNs whose comments are polled (e.g. the brand's recent shares). */
        Optional<List<String>> posts();

        /** Polling period. */
        @WithDefault("60s")
        Duration pollEvery();
    }

    /** X API v2. */
    interface X {
        /** API base URL. */
        @WithDefault("https://api.x.com")
        String baseUrl();

        /** App-only bearer token (stream, rules, search). Env VIGIE_INGESTION_X_BEARER_TOKEN. */
        Optional<String> bearerToken();

        /** User-context token used to post replies. Env VIGIE_INGESTION_X_USER_TOKEN. */
        Optional<String> userToken();

        /** Whether to hold the filtered stream open. */
        @WithDefault("false")
        boolean stream();

        /** The brand account's user id whose mentions are polled with since_id. */
        Optional<String> userId();

        /** The brand account's handle, used as the space of polled mentions (x:@handle). */
        Optional<String> handle();

        /** Mentions polling period. */
        @WithDefault("60s")
        Duration pollEvery();

        /** First wait before reconnecting the stream; doubles up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between reconnections. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** A stream silent for this long (X sends a keep-alive every 20 s) is considered dead and reconnected. */
        @WithDefault("60s")
        Duration stallTimeout();
    }

    /** RSS/Atom. */
    interface Rss {
        /** Feed URLs to poll. */
        Optional<List<String>> feeds();

        /** Polling period. */
        @WithDefault("5m")
        Duration pollEvery();
    }

    /** Outbound replies. */
    interface Outbound {
        /** How often due replies are attempted. */
        @WithDefault("1s")
        Duration poll();

        /** Attempts before a reply is reported failed. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first transient failure; doubles after each. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("5m")
        Duration maxBackoff();

        /** HTTP timeout of one attempt. */
        @WithDefault("20s")
        Duration timeout();
    }
}
