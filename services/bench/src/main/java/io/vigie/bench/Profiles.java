package io.vigie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/** Reads a service's JFR recording: where its CPU samples were, by hot method and by first Vigie frame. */
public final class Profiles {

    private Profiles() {
    }

    /** What a recording's execution samples show. */
    public record Profile(String service, long samples, Map<String, Long> topMethods, Map<String, Long> topVigieFrames) {
    }

    /** The {@code top} hot methods (top of stack) and the {@code top} first {@code io.vigie} frames of a recording. */
    public static Profile read(String service, Path jfr, int top) throws IOException {
        if (!Files.exists(jfr)) {
            return new Profile(service, 0, Map.of(), Map.of());
        }
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> vigie = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(jfr)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!"jdk.ExecutionSample".equals(e.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                methods.merge(name(frames.get(0)), 1L, Long::sum);
                for (RecordedFrame f : frames) {
                    if (f.getMethod().getType().getName().startsWith("io.vigie.")) {
                        vigie.merge(name(f), 1L, Long::sum);
                        break;
                    }
                }
            }
        }
        return new Profile(service, samples, topOf(methods, top), topOf(vigie, top));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + " (" + type.substring(0,
                Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    private static Map<String, Long> topOf(Map<String, Long> counts, int top) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
