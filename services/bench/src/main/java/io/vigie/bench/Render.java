package io.vigie.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the figures of each phase into plain maps for the results file (rounded, units in the names). */
final class Render {

    private Render() {
    }

    static Map<String, Object> raw(RawKafka.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("records", r.records());
        m.put("producedPerSecond", round(r.produceRate()));
        m.put("consumedPerSecond", round(r.consumeRate()));
        m.put("topicsRelayed", r.topics());
        m.put("relayedPerSecond", round(r.relayRate()));
        m.put("relayLatencyRate", r.latencyRate());
        m.put("relayLatencyMs", percentiles(r.relayLatencyMs()));
        return m;
    }

    static Map<String, Object> throughput(PipelineBench.Throughput t, Object raw) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", t.sent());
        m.put("accepted", t.accepted());
        m.put("storedInWorkspace", t.stored());
        m.put("acceptedPerSecond", round(t.acceptRate()));
        m.put("endToEndSeconds", round(t.endToEndSeconds()));
        m.put("meanPerSecond", round(t.meanRate()));
        m.put("sustainedPerSecond", round(t.sustainedRate()));
        m.put("scoringSustainedPerSecond", round(t.scoredRate()));
        if (raw instanceof Map<?, ?> r && r.get("relayedPerSecond") instanceof Number n) {
            m.put("ratioToRawRelay", Math.round(t.sustainedRate() / n.doubleValue() * 10000) / 10000.0);
        }
        return m;
    }

    static Map<String, Object> latency(PipelineBench.Latency l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ratePerSecond", l.rate());
        m.put("seconds", l.seconds());
        m.put("accepted", l.accepted());
        m.put("storedInWorkspace", l.stored());
        m.put("achievedPerSecond", round(l.achievedRate()));
        m.put("acceptToQueueMs", percentiles(l.ms()));
        if (l.hops() != null && l.hops().acceptToScored().count() > 0) {
            Map<String, Object> hops = new LinkedHashMap<>();
            hops.put("acceptToScoredMs", percentiles(l.hops().acceptToScored()));
            hops.put("scoredToRoutedMs", percentiles(l.hops().scoredToRouted()));
            hops.put("routedToStoredMs", percentiles(l.hops().routedToStored()));
            m.put("hops", hops);
        }
        return m;
    }

    static Map<String, Object> resources(Map<String, ResourceSampler.Usage> usage, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", round(seconds));
        usage.forEach((name, u) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("peakRssMiB", round(u.peakRssMb()));
            row.put("meanRssMiB", round(u.meanRssMb()));
            row.put("cpuSeconds", round(u.cpuSeconds()));
            row.put("cores", round(u.cpuSeconds() / seconds));
            m.put(name, row);
        });
        return m;
    }

    static Map<String, Object> reports(long mentions, int days, double loadSeconds, Map<String, Long> rows,
            List<ReportsBench.Timing> timings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storedMentions", mentions);
        m.put("days", days);
        m.put("loadSeconds", loadSeconds == 0 ? "kept from an earlier run" : round(loadSeconds));
        m.put("tableRows", rows);
        List<Map<String, Object>> list = new ArrayList<>();
        for (ReportsBench.Timing t : timings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("endpoint", t.endpoint());
            row.put("scope", t.scope());
            row.put("period", t.period());
            row.put("ms", percentiles(t.ms()));
            if (t.error() != null) {
                row.put("error", t.error());
            }
            list.add(row);
        }
        m.put("queries", list);
        m.put("allQueriesMs", percentiles(timings, t -> true));
        // The JSON report (the figures a screen or a supervisor asks for) and the CSV export (a download whose size
        // grows with the period) apart.
        m.put("jsonReportMs", percentiles(timings, t -> t.endpoint().equals("/api/reports")
                || t.endpoint().startsWith("/api/reports@")));
        m.put("csvExportMs", percentiles(timings, t -> t.endpoint().contains("csv")));
        // The map of spaces and the recurring questions, each over the same periods.
        m.put("spacesMs", percentiles(timings, t -> t.endpoint().startsWith("/api/reports/spaces")));
        m.put("questionsMs", percentiles(timings, t -> t.endpoint().startsWith("/api/reports/questions")));
        m.put("failedQueries", timings.stream().filter(t -> t.error() != null).count());
        return m;
    }

    /** Percentiles of every timed call of the timings that {@code which} keeps. */
    private static Map<String, Object> percentiles(List<ReportsBench.Timing> timings,
            java.util.function.Predicate<ReportsBench.Timing> which) {
        return percentiles(new Stats(timings.stream().filter(which)
                .flatMapToDouble(t -> java.util.stream.DoubleStream.of(samples(t.ms()))).toArray()));
    }

    private static double[] samples(Stats s) {
        double[] out = new double[s.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.percentile(100.0 * (i + 1) / out.length);
        }
        return out;
    }

    static Map<String, Object> percentiles(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", s.count());
        m.put("p50", round(s.percentile(50)));
        m.put("p95", round(s.percentile(95)));
        m.put("p99", round(s.percentile(99)));
        m.put("max", round(s.max()));
        return m;
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return -1;
        }
        return v >= 100 ? Math.round(v) : Math.round(v * 100) / 100.0;
    }
}
