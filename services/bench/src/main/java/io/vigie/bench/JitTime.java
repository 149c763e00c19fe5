package io.vigie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each JVM has spent compiling: the user and system time of its JIT compiler threads ({@code C1 CompilerThre…}
 * and {@code C2 CompilerThre…}), read from {@code /proc/<pid>/task/<tid>/stat}. The difference over a phase says how
 * much of a service's CPU went to compiling rather than to its work, i.e. whether it was still warming up. No JFR
 * needed. A compiler thread that ended during the phase takes its time with it, so the figure is a lower bound.
 */
final class JitTime {

    /** Clock ticks per second of {@code /proc}'s times ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final double TICKS = 100.0;

    private JitTime() {
    }

    /** CPU seconds of the compiler threads so far, by name; a process that is gone or has none is left out. */
    static Map<String, Double> read(Map<String, Long> pids) {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            Double s = seconds(Path.of("/proc", Long.toString(pid), "task"));
            if (s != null) {
                out.put(name, s);
            }
        });
        return out;
    }

    /** {@code after - before} per name present in both, rounded to 0.1 s. */
    static Map<String, Double> spent(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        after.forEach((name, s) -> {
            if (before.containsKey(name)) {
                out.put(name, Math.round((s - before.get(name)) * 10) / 10.0);
            }
        });
        return out;
    }

    /** Summed CPU seconds of the compiler threads under a {@code task} directory; null without any. */
    static Double seconds(Path tasks) {
        long ticks = 0;
        boolean found = false;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path t : threads) {
                try {
                    if (!Files.readString(t.resolve("comm"), StandardCharsets.UTF_8).contains("CompilerThre")) {
                        continue;
                    }
                    ticks += cpuTicks(Files.readString(t.resolve("stat"), StandardCharsets.UTF_8));
                    found = true;
                } catch (IOException e) {
                    // the thread ended between the listing and the read: its time is gone with it
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found ? ticks / TICKS : null;
    }

    /**
     * utime + stime (fields 14 and 15) of a {@code stat} line; the fields are counted after the command, which is in
     * parentheses and may itself hold spaces ("C2 CompilerThre").
     */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state): utime is field 14, stime field 15.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
