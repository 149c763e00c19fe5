package io.vigie.spikeeval;

import io.vigie.traffic.Burst;
import io.vigie.traffic.GeneratedMention;
import io.vigie.traffic.Language;
import io.vigie.traffic.Topic;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What {@code make eval-spikes} injects into a generated week: the watchlists it creates (with the text predicate
 * that mirrors each query) and the bursts (subject, size as a multiple of the subject's own baseline, shape,
 * duration, language). Day 0 (a Monday) has no burst: it is the radar's first day.
 */
final class EvalPlan {

    /** Monday 16 November 2026, 00:00 UTC. */
    static final Instant START = Instant.parse("2026-11-16T00:00:00Z");

    /** A watchlist created in ingestion, and the predicate on a post's text that mirrors its query. */
    record Watchlist(String name, String query, Pattern pattern) {
        boolean matches(String text) {
            return text != null && pattern.matcher(fold(text)).find();
        }
    }

    static final List<Watchlist> WATCHLISTS = List.of(
            new Watchlist("brand", "nordlys", Pattern.compile("(?<![\\p{L}\\p{N}])nordlys(?![\\p{L}\\p{N}])")),
            new Watchlist("forge-gaming", "forge", Pattern.compile("(?<![\\p{L}\\p{N}])forge(?![\\p{L}\\p{N}])")),
            new Watchlist("nordos-launch", "nordos*", Pattern.compile("(?<![\\p{L}\\p{N}])nordos")),
            new Watchlist("partner-antivirus", "shieldpro OR \"shield pro\"",
                    Pattern.compile("(?<![\\p{L}\\p{N}])(shieldpro|shield pro)(?![\\p{L}\\p{N}])")));

    /**
     * One planned burst.
     *
     * @param id           name of the burst
     * @param day          day of the week (0 = Monday)
     * @param hour         hour of the day it starts (UTC, may be fractional)
     * @param duration     how long it lasts
     * @param shape        step, ramp or flash
     * @param factor       total rate as a multiple of the subject's baseline (0: {@code fixedPerMinute} instead)
     * @param fixedPerMinute rate of a subject without a baseline (a new hashtag)
     * @param subjectKind  what the radar should alert on: watchlist, topic or term
     * @param subject      the watchlist name, topic id or term
     * @param focus        what the generator writes
     * @param focusSubject the generator's subject (topic, product line or hashtag)
     * @param language     the posts' language
     */
    record Planned(String id, int day, double hour, Duration duration, Burst.Shape shape, double factor,
            double fixedPerMinute, String subjectKind, String subject, Burst.Focus focus, String focusSubject,
            Language language) {

        Instant start() {
            return START.plus(Duration.ofDays(day)).plusSeconds((long) (hour * 3600));
        }

        /** Whether a generated post counts for this burst's subject (the burst's own posts and the baseline's). */
        boolean matches(GeneratedMention g) {
            return switch (subjectKind) {
                case "watchlist" -> watchlist(subject).matches(g.mention().text());
                case "topic" -> g.groundTruth().topic() == Topic.valueOf(subject.toUpperCase(Locale.ROOT));
                default -> g.mention().text() != null && fold(g.mention().text()).contains(subject);
            };
        }
    }

    static final List<Planned> BURSTS = List.of(
            new Planned("brand-5x-step-en", 1, 10.0, Duration.ofMinutes(15), Burst.Shape.STEP, 5, 0, "watchlist",
                    "brand", Burst.Focus.LINE, "CONSUMER", Language.EN),
            new Planned("forge-5x-flash-de", 1, 21.5, Duration.ofMinutes(4), Burst.Shape.FLASH, 5, 0, "watchlist",
                    "forge-gaming", Burst.Focus.LINE, "GAMING", Language.DE),
            new Planned("nordos-5x-ramp-fr", 2, 3.0, Duration.ofMinutes(30), Burst.Shape.RAMP, 5, 0, "watchlist",
                    "nordos-launch", Burst.Focus.TOPIC, "CONFIGURATION", Language.FR),
            new Planned("antivirus-5x-step-es", 2, 15.0, Duration.ofMinutes(20), Burst.Shape.STEP, 5, 0, "watchlist",
                    "partner-antivirus", Burst.Focus.CRISIS, null, Language.ES),
            new Planned("support-2x-step-en", 3, 14.0, Duration.ofMinutes(60), Burst.Shape.STEP, 2, 0, "topic",
                    "technical_support", Burst.Focus.TOPIC, "TECHNICAL_SUPPORT", Language.EN),
            new Planned("recall-hashtag-flash-it", 3, 19.0, Duration.ofMinutes(5), Burst.Shape.FLASH, 0, 6, "term",
                    "#nordlysrecall", Burst.Focus.HASHTAG, "#NordlysRecall", Language.IT),
            new Planned("brand-3x-ramp-nl", 4, 11.0, Duration.ofMinutes(30), Burst.Shape.RAMP, 3, 0, "watchlist",
                    "brand", Burst.Focus.LINE, "CONSUMER", Language.NL),
            new Planned("forge-10x-step-sk", 4, 16.5, Duration.ofMinutes(10), Burst.Shape.STEP, 10, 0, "watchlist",
                    "forge-gaming", Burst.Focus.LINE, "GAMING", Language.SK),
            new Planned("purchase-2x-ramp-pt", 5, 17.0, Duration.ofMinutes(60), Burst.Shape.RAMP, 2, 0, "topic",
                    "purchase", Burst.Focus.TOPIC, "PURCHASE", Language.PT),
            new Planned("antivirus-10x-flash-en", 5, 20.0, Duration.ofMinutes(3), Burst.Shape.FLASH, 10, 0, "watchlist",
                    "partner-antivirus", Burst.Focus.CRISIS, null, Language.EN),
            new Planned("support-2x-step-fr", 6, 13.0, Duration.ofMinutes(45), Burst.Shape.STEP, 2, 0, "topic",
                    "technical_support", Burst.Focus.TOPIC, "TECHNICAL_SUPPORT", Language.FR),
            new Planned("nordos-5x-step-de", 6, 22.0, Duration.ofMinutes(20), Burst.Shape.STEP, 5, 0, "watchlist",
                    "nordos-launch", Burst.Focus.TOPIC, "CONFIGURATION", Language.DE));

    private EvalPlan() {
    }

    static Watchlist watchlist(String name) {
        return WATCHLISTS.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no watchlist " + name));
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** Predicate of posts of a burst's subject. */
    static Predicate<GeneratedMention> subject(Planned p) {
        return p::matches;
    }
}
