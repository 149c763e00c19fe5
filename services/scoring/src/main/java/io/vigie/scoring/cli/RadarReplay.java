package io.vigie.scoring.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.events.Alert;
import io.vigie.scoring.domain.radar.Radar;
import io.vigie.scoring.domain.radar.RadarEvent;
import io.vigie.scoring.domain.radar.RadarSettings;
import io.vigie.scoring.service.RadarService;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code scoring-cli radar-replay}: runs the crisis radar offline on a recording of what a scoring instance counted
 * ({@code vigie.radar.record}) and writes the alerts it raises, as the {@code alerts} topic carries them, one JSON per
 * line. The detector's code is the service's; only the delivery is replayed:
 * <ul>
 * <li>{@code as-recorded}: the mentions in the order and at the wall times the instance read them (partitions, late
 * records and all), so the alerts are those of the recorded run, give or take the service's one-second ticks;</li>
 * <li>{@code ordered}: the mentions in event-time order as one stream, what the detector does with a perfect
 * delivery.</li>
 * </ul>
 * A change to the detector is measured in seconds on the same week, without the pipeline's timing noise; the pipeline
 * run ({@code make eval-spikes}) stays the figure of record.
 */
final class RadarReplay {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

    private RadarReplay() {
    }

    static void run(Path in, Path out, boolean ordered, RadarSettings settings, PrintStream log) throws IOException {
        List<RadarService.Recorded> recorded = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    recorded.add(JSON.readValue(line, RadarService.Recorded.class));
                } catch (IOException e) {
                    throw new IOException(in + ":" + n + ": not a radar recording line (" + e.getMessage() + ")", e);
                }
            }
        }
        if (recorded.isEmpty()) {
            throw new IOException(in + ": no recorded mention");
        }
        long started = System.nanoTime();
        Radar radar = new Radar(settings);
        List<RadarEvent> events = new ArrayList<>();
        if (ordered) {
            recorded.sort(Comparator.comparing((RadarService.Recorded x) -> x.observation().at())
                    .thenComparingInt(RadarService.Recorded::partition).thenComparingLong(RadarService.Recorded::offset));
            long last = Long.MIN_VALUE;
            for (RadarService.Recorded x : recorded) {
                long second = x.observation().at().getEpochSecond();
                events.addAll(radar.advanceTo(second));
                radar.observe(x.observation());
                last = Math.max(last, second);
            }
            events.addAll(radar.advanceTo(last + 3600));
        } else {
            long wall = Long.MIN_VALUE;
            for (RadarService.Recorded x : recorded) {
                wall = Math.max(wall, x.wallMillis());
                radar.observe(x.partition(), x.offset(), x.observation(), wall);
                events.addAll(radar.advance(wall));
            }
            // the service's ticks after the last mention: silent partitions stop holding the clock, which then
            // follows the (recorded) wall clock no further than the last mention
            for (long w = wall + 1000; w <= wall + 15 * 60_000; w += 1000) {
                events.addAll(radar.advance(w));
            }
        }
        double took = (System.nanoTime() - started) / 1e9;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (RadarEvent e : events) {
                w.write(JSON.writeValueAsString(alert(e)));
                w.newLine();
            }
        }
        log.printf("radar-replay (%s): %,d mentions in %.1f s, %d events, clock at %s, counters %s -> %s%n",
                ordered ? "ordered" : "as-recorded", recorded.size(), took, events.size(), radar.clock(),
                radar.counters(), out);
    }

    /** The alert the service would publish for this event (no workflow yet: nobody acknowledged it). */
    static Alert alert(RadarEvent e) {
        return new Alert(Alert.VERSION, e.incidentId(), e.status(), e.kind().id(), e.subject(), e.centre(),
                e.language(), e.network(), e.startedAt(), e.observed(), e.expected(), e.severity(), e.topTerms(),
                e.samples().stream().map(RadarEvent.Sample::key).toList(), e.detectedAt(), e.detectedAt(),
                e.windowSeconds(), e.mentions(), e.related(), null, e.seq());
    }
}
