package io.vigie.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * An injected burst of posts on one subject, on top of the baseline (for the crisis radar's evaluation).
 *
 * @param id         name of the burst, carried in the ground truth of its posts
 * @param start      when it starts
 * @param duration   how long it lasts
 * @param shape      how its rate evolves: {@code STEP} constant, {@code RAMP} rising linearly from zero, {@code FLASH}
 *                   constant (a short burst)
 * @param perMinute  its rate per minute at full intensity (added to the baseline)
 * @param focus      what its posts are about
 * @param subject    the topic (a {@link Topic} name), the product line ({@code GAMING}...), or the hashtag
 * @param language   the language its posts are written in
 */
public record Burst(String id, Instant start, Duration duration, Shape shape, double perMinute, Focus focus,
        String subject, Language language) {

    /** How a burst's rate evolves over its duration. */
    public enum Shape { STEP, RAMP, FLASH }

    /** What a burst's posts are about. */
    public enum Focus {
        /** Posts of one topic. */
        TOPIC,
        /** Posts about one product line (e.g. the gaming sub-brand). */
        LINE,
        /** Posts of the ShieldPro crisis (the partner antivirus). */
        CRISIS,
        /** Complaints carrying one new hashtag. */
        HASHTAG
    }

    /** Compact canonical constructor: checks the burst. */
    public Burst {
        if (id == null || start == null || duration == null || shape == null || focus == null || language == null) {
            throw new IllegalArgumentException("a burst needs an id, start, duration, shape, focus and language");
        }
        if (duration.isNegative() || duration.isZero() || !(perMinute > 0)) {
            throw new IllegalArgumentException("burst " + id + ": duration and rate must be positive");
        }
        if (focus != Focus.CRISIS && (subject == null || subject.isBlank())) {
            throw new IllegalArgumentException("burst " + id + ": a subject is required for " + focus);
        }
    }

    /** First instant after the burst. */
    public Instant end() {
        return start.plus(duration);
    }

    /** Relative intensity (0..1) at an epoch second. */
    double intensity(double epochSecond) {
        double t = epochSecond - start.getEpochSecond();
        double d = duration.toSeconds();
        if (t < 0 || t >= d) {
            return 0;
        }
        return shape == Shape.RAMP ? t / d : 1;
    }
}
