package io.vigie.centres.domain;

import java.time.Instant;
import java.util.List;

/**
 * The figures of one scope (a centre, or {@code *} for everything heard) over one period.
 *
 * @param scope            centre id, or {@code *}
 * @param from             start of the period (inclusive)
 * @param to               end of the period (exclusive)
 * @param mentions         volume
 * @param positive         positive mentions
 * @param negative         negative mentions
 * @param temperature      share positive minus share negative, in [-1, 1]; null without mentions
 * @param meanScore        mean sentiment score; null without mentions
 * @param firstResponseP50 median first response time in seconds of the conversations first answered in the period:
 *                         nearest rank, within 2 % (a log-spaced histogram bucket's value, ADR 0110; 0 under 1 ms)
 * @param firstResponseP90 90th percentile of the same, same precision
 * @param responded        conversations first answered in the period
 * @param slaAttainment    share of those answered by their SLA due time; null when none had one
 * @param backlog          conversations waiting for a first response now
 * @param repliesDelivered replies delivered in the period
 * @param repliesFailed    replies that failed in the period
 * @param activeIncidents  incidents not resolved
 * @param closed           conversations closed in the period
 * @param resolutionP50    median time from first message to close, in seconds, of the conversations closed in the
 *                         period: nearest rank, within 2 % (as firstResponseP50)
 * @param resolutionP90    90th percentile of the same, same precision
 * @param sentimentDelta   mean of closing minus opening sentiment score of the closed conversations
 * @param restatedShare    share of the closed conversations where the customer restated their sentiment publicly
 * @param byNetwork        volume and temperature per network
 * @param byLanguage       per language
 * @param byTopic          per topic
 * @param byCentre         per centre (global scope only)
 * @param shareOfVoice     share of the mentions naming a product line, per product line
 * @param risingTerms      terms growing most against the previous period of the same length
 */
public record Figures(String scope, Instant from, Instant to, long mentions, long positive, long negative,
        Double temperature, Double meanScore, Double firstResponseP50, Double firstResponseP90, long responded,
        Double slaAttainment, long backlog, long repliesDelivered, long repliesFailed, long activeIncidents,
        long closed, Double resolutionP50, Double resolutionP90, Double sentimentDelta, Double restatedShare,
        List<Slice> byNetwork, List<Slice> byLanguage, List<Slice> byTopic, List<Slice> byCentre,
        List<Share> shareOfVoice, List<RisingTerm> risingTerms) {

    /** Volume and temperature of one value of a dimension. */
    public record Slice(String key, long mentions, long positive, long negative, Double temperature, Double meanScore) {

        /** A slice computed from its sums. */
        public static Slice of(String key, long mentions, long positive, long negative, double scoreSum) {
            return new Slice(key, mentions, positive, negative, Figures.temperature(mentions, positive, negative),
                    mentions == 0 ? null : round(scoreSum / mentions));
        }
    }

    /** A product line's share of voice. */
    public record Share(String productLine, long mentions, double share) {
    }

    /** A term, its count in the period and in the previous period, and the growth ratio (count+1)/(previous+1). */
    public record RisingTerm(String term, long mentions, long previous, double ratio) {
    }

    /** (positive - negative) / mentions, rounded to 4 decimals; null without mentions. */
    public static Double temperature(long mentions, long positive, long negative) {
        return mentions == 0 ? null : round((double) (positive - negative) / mentions);
    }

    /** Rounded to 4 decimals. */
    public static double round(double v) {
        return Math.round(v * 10_000d) / 10_000d;
    }
}
