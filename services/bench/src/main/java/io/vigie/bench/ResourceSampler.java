package io.vigie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples the resident memory and CPU time of processes from {@code /proc} once a second while a phase runs. */
public final class ResourceSampler implements AutoCloseable {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    static final double TICKS = 100.0;

    private final Map<String, Long> pids;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private final Map<String, Long> cpuStart = new LinkedHashMap<>();
    private final long t0 = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;

    /** What one process used during the phase. */
    public record Usage(long peakRssKb, long lastRssKb, long sumRssKb, int samples, double cpuSeconds) {
        /** Mean resident memory of the samples, MiB. */
        public double meanRssMb() {
            return samples == 0 ? 0 : sumRssKb / 1024.0 / samples;
        }

        /** Peak resident memory, MiB. */
        public double peakRssMb() {
            return peakRssKb / 1024.0;
        }
    }

    /** Starts sampling the named processes. */
    public ResourceSampler(Map<String, Long> pids) {
        this.pids = Map.copyOf(pids);
        this.pids.forEach((n, pid) -> cpuStart.put(n, treeCpuTicks(pid)));
        this.thread = new Thread(this::loop, "resource-sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        pids.forEach((name, pid) -> {
            long rss = treeRssKb(pid);
            if (rss < 0) {
                return;
            }
            double cpu = (treeCpuTicks(pid) - cpuStart.get(name)) / TICKS;
            usage.merge(name, new Usage(rss, rss, rss, 1, cpu), (a, b) -> new Usage(Math.max(a.peakRssKb, b.peakRssKb),
                    b.lastRssKb, a.sumRssKb + b.sumRssKb, a.samples + b.samples, b.cpuSeconds));
        });
    }

    /** Wall seconds since the sampler started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Stops sampling (after one last sample) and returns what each process used. */
    public Map<String, Usage> stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        Map<String, Usage> out = new LinkedHashMap<>();
        pids.keySet().forEach(n -> {
            if (usage.containsKey(n)) {
                out.put(n, usage.get(n));
            }
        });
        return out;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    /** Pids of the direct children of a process (PostgreSQL's backends, say). */
    static List<Long> children(long pid) {
        List<Long> out = new java.util.ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).forEach(d -> {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    if (Long.parseLong(f[1]) == pid) {
                        out.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** RSS of a process and its children (for PostgreSQL this counts shared buffers once per backend). */
    static long treeRssKb(long pid) {
        long own = rssKb(pid);
        if (own < 0) {
            return -1;
        }
        return own + children(pid).stream().mapToLong(ResourceSampler::rssKb).filter(v -> v > 0).sum();
    }

    /** CPU ticks of a process and its live children. */
    static long treeCpuTicks(long pid) {
        return cpuTicks(pid) + children(pid).stream().mapToLong(ResourceSampler::cpuTicks).sum();
    }

    /** VmRSS of a process in KiB, or -1 when it is gone. */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU ticks of a process and its waited-for children so far, or 0 when it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // Fields after the command name (which may hold spaces) start after the last ')'.
            List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
            return Long.parseLong(f.get(11)) + Long.parseLong(f.get(12));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Pids of the infrastructure from {@code $VIGIE_HOME/pids} (postgres, kafka, keycloak), those alive. */
    static Map<String, Long> infraPids(Path vigieHome) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String c : List.of("postgres", "kafka", "keycloak")) {
            try {
                long pid = Long.parseLong(Files.readString(vigieHome.resolve("pids/" + c + ".pid")).trim());
                if (rssKb(pid) >= 0) {
                    out.put(c, pid);
                }
            } catch (IOException | NumberFormatException absent) {
                // not running from this VIGIE_HOME
            }
        }
        return out;
    }
}
