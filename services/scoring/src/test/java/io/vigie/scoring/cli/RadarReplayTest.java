package io.vigie.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vigie.events.Alert;
import io.vigie.scoring.domain.radar.Observation;
import io.vigie.scoring.domain.radar.RadarSettings;
import io.vigie.scoring.domain.radar.SyntheticTraffic;
import io.vigie.scoring.service.RadarService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline replay of a radar recording: both deliveries find the burst the recording holds, as alerts. */
class RadarReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    private static final Instant DAY0 = Instant.parse("2026-11-16T00:00:00Z");
    private static final Instant BURST = DAY0.plus(Duration.ofHours(14));

    /** Three partitions read in turn, the wall clock a thousand times faster than event time. */
    private static Path recording(Path dir) throws IOException {
        List<Observation> observations = new SyntheticTraffic(5)
                .stream(DAY0.plus(Duration.ofHours(10)), BURST.plus(Duration.ofHours(1)), 10, s -> 10, List.of("wl-1"),
                        "technical_support", "austin", "en", "x", SyntheticTraffic.vocabulary("w", 200), List.of())
                .stream(BURST, BURST.plus(Duration.ofMinutes(15)), 60, s -> 60, List.of("wl-1"), "technical_support",
                        "austin", "en", "x", SyntheticTraffic.vocabulary("w", 200), List.of("#outage"))
                .observations();
        List<String> lines = new ArrayList<>();
        long[] offsets = new long[3];
        long wall0 = 1_800_000_000_000L;
        for (int k = 0; k < observations.size(); k++) {
            Observation o = observations.get(k);
            int partition = k % 3;
            long wall = wall0 + (o.at().toEpochMilli() - DAY0.toEpochMilli()) / 1000;
            lines.add(JSON.writeValueAsString(new RadarService.Recorded(partition, offsets[partition]++, wall, o)));
        }
        Path file = dir.resolve("radar-input.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<Alert> replay(Path in, Path out, boolean ordered) throws IOException {
        RadarReplay.run(in, out, ordered, RadarSettings.defaults(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            alerts.add(JSON.readValue(line, Alert.class));
        }
        return alerts;
    }

    @Test
    void bothDeliveriesRaiseTheRecordedBurstsAlertWithinThirtySeconds(@TempDir Path dir) throws IOException {
        Path in = recording(dir);
        for (boolean ordered : new boolean[] {true, false}) {
            List<Alert> alerts = replay(in, dir.resolve("alerts-" + ordered + ".jsonl"), ordered);
            List<Alert> opened = alerts.stream().filter(a -> Alert.OPEN.equals(a.status())).toList();
            assertEquals(1, opened.size(), () -> (ordered ? "ordered" : "as recorded") + ": " + alerts);
            Alert open = opened.get(0);
            assertEquals("watchlist", open.subjectKind());
            assertEquals("wl-1", open.subject());
            assertEquals(1, open.revision());
            long delay = Duration.between(BURST, open.detectedAt()).toSeconds();
            assertTrue(delay >= 0 && delay <= 30, "detected " + delay + " s after the burst started");
            assertTrue(open.sampleMentions().stream().allMatch(k -> k.startsWith("x:")), open.toString());
            assertTrue(alerts.stream().anyMatch(a -> Alert.RESOLVED.equals(a.status())
                    && a.incidentId().equals(open.incidentId())), () -> "the incident resolves: " + alerts);
        }
    }

    @Test
    void aLineThatIsNotARecordingIsNamed(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"partition\":0,\"offset\":0,\"wallMillis\":1,\"observation\":{\"key\":\"x:1\","
                + "\"at\":\"2026-11-16T00:00:00Z\"}}\nnot json\n", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> replay(in, dir.resolve("out.jsonl"), false));
        assertTrue(e.getMessage().contains("bad.jsonl:2"), e.getMessage());
    }
}
