package io.vigie.centres.domain;

import java.time.Instant;
import java.util.List;

/**
 * An incident of the crisis radar as the wall shows it, with the texts of its sample posts when they were heard, what
 * supervisors did about it ({@code workflow}: new, acknowledged, closed), the mentions it grouped and the subjects
 * that surged with it.
 */
public record Incident(String id, String status, String subjectKind, String subject, String centre, String language,
        String network, String severity, Instant startedAt, double observed, double expected, List<String> topTerms,
        List<String> samplePosts, Instant updatedAt, String workflow, long mentions, List<String> related) {
}
