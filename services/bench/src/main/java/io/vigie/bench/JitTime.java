package io.vigie.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time each JVM has spent compiling (its JIT compiler threads), from the HotSpot counter {@code java.ci.totalTime} read
 * with {@code jcmd PerfCounter.print}: the difference over a phase says whether a service was still warming up. It is
 * the compilations' elapsed time, so on a saturated machine it exceeds the compiler threads' CPU time (JFR's
 * {@code jdk.ThreadCPULoad} gives that). No JFR needed.
 */
final class JitTime {

    private JitTime() {
    }

    /** Seconds of compilation so far, by name; a process that does not answer is left out. */
    static Map<String, Double> read(Map<String, Long> pids) {
        Map<String, CompletableFuture<Double>> pending = new LinkedHashMap<>();
        pids.forEach((name, pid) -> pending.put(name, CompletableFuture.supplyAsync(() -> seconds(pid))));
        Map<String, Double> out = new LinkedHashMap<>();
        pending.forEach((name, f) -> {
            Double s = f.join();
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

    private static Double seconds(long pid) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
            long ticks = -1;
            long frequency = -1;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    ticks = line.startsWith("java.ci.totalTime=") ? value(line) : ticks;
                    frequency = line.startsWith("sun.os.hrt.frequency=") ? value(line) : frequency;
                }
            }
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || ticks < 0 || frequency <= 0) {
                p.destroyForcibly();
                return null;
            }
            return ticks / (double) frequency;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static long value(String line) {
        return Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
    }
}
