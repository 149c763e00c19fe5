package io.vigie.centres.domain;

import io.vigie.centres.repository.MetricsQueries;
import java.util.List;

/** A report: the figures of a period and its per-bucket series ({@code granularity} minute or hour). */
public record Report(Figures figures, String granularity, List<MetricsQueries.Point> series) {
}
