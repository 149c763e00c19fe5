package io.vigie.centres.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the centres service ({@code vigie.centres.*}). */
@ConfigMapping(prefix = "vigie.centres")
public interface CentresConfig {

    /** JSON array of centres inserted at start-up when absent (the deployment's seed data); none by default. */
    Optional<Path> seedFile();

    /** How often configurations the broker has not acknowledged yet are sent again (the outbox relay). */
    @WithDefault("10s")
    Duration republishEvery();

    /** Live centre status. */
    Status status();

    /** The war-room wall. */
    Wall wall();

    /** Live metrics. */
    Metrics metrics();

    /** Topics this service creates. */
    Topics topics();

    /** The spaces map. */
    Spaces spaces();

    /** Report exports. */
    Reports reports();

    /** Report export settings. */
    interface Reports {
        /**
         * Rows the CSV export reads per database cursor fetch, and lines per written chunk: the export holds about
         * this many rows in memory whatever the period (ADR 0090).
         */
        @WithDefault("1000")
        int csvFetchSize();

        /**
         * Rounds of report queries a replica runs on itself at start-up, before it reports ready (ADR 0124): each
         * round reads the JSON report, the map of spaces and the recurring questions of every centre over 1 hour to 90
         * days, so that the first users' reports run compiled code rather than the interpreter's. 0 turns it off.
         */
        @WithDefault("10")
        int warmUpRounds();

        /** Longest the start-up warm-up may hold readiness back: after that the replica reports ready anyway. */
        @WithDefault("60s")
        Duration warmUpTimeout();
    }

    /** Spaces map settings. */
    interface Spaces {
        /** More spaces than this on one network flags the network as crowded (a brand's ~45 accounts on X). */
        @WithDefault("10")
        int maxPerNetwork();
    }

    /** Live centre status settings. */
    interface Status {
        /** How often the status of every centre is computed (and published when it changed). */
        @WithDefault("15s")
        Duration interval();

        /** A status is published at least this often even when nothing changed. */
        @WithDefault("5m")
        Duration heartbeat();

        /** Handling time assumed per conversation when the centre has no first response in the last hour. */
        @WithDefault("300")
        long defaultHandleSeconds();
    }

    /** Wall settings. */
    interface Wall {
        /** Read-only wall key that a room screen passes as {@code ?key=} (see ADR 0061); none by default. */
        Optional<String> key();

        /** How often the wall's SSE stream pushes a fresh snapshot. */
        @WithDefault("5s")
        Duration pushInterval();

        /** Hours of history shown by the wall's curves. */
        @WithDefault("6")
        int hours();
    }

    /** Metrics settings. */
    interface Metrics {
        /** Minimum mentions of a term in the period for it to count as rising. */
        @WithDefault("3")
        int risingMinCount();

        /** How many rising terms, topics or incidents a table shows. */
        @WithDefault("10")
        int top();
    }

    /** Topic creation settings. */
    interface Topics {
        /** Partitions of the topics this service creates ({@code centres.config}, {@code centres.status}). */
        @WithDefault("3")
        int partitions();

        /** Replication factor of the topics this service creates. */
        @WithDefault("1")
        short replicationFactor();
    }
}
