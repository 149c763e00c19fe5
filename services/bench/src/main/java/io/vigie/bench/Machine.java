package io.vigie.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the bench ran on: cores, CPU model, memory, load, JVM, and the commit of the code measured. */
public final class Machine {

    private Machine() {
    }

    /** The machine and the code, as a map for the results file. */
    static Map<String, Object> describe(Path root) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        String mem = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        m.put("memory", mem == null ? null : String.format("%.1f GiB", Long.parseLong(mem.replaceAll("[^0-9]", ""))
                / 1024.0 / 1024.0));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageAtStart", loadAverage());
        m.put("commit", git(root, "rev-parse", "--short", "HEAD"));
        m.put("uncommittedChanges", !git(root, "status", "--porcelain", "--untracked-files=no").isBlank());
        return m;
    }

    /**
     * Migrations in a module's build output ({@code target/classes/db/migration}) that its sources no longer have.
     * {@code mvn install} copies resources but never deletes one whose source was removed, so a migration deleted
     * from the tree (a throwaway experiment, a rename) would still be applied to the bench's databases: the services
     * would measure other code than the commit the results name. The bench refuses to run while any is left.
     */
    static List<String> staleMigrations(Path root) throws IOException {
        List<String> stale = new ArrayList<>();
        Path services = root.resolve("services");
        if (!Files.isDirectory(services)) {
            return stale;
        }
        try (Stream<Path> modules = Files.list(services)) {
            for (Path module : modules.sorted().toList()) {
                Path built = module.resolve("target/classes/db/migration");
                if (!Files.isDirectory(built)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(built)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        Path source = module.resolve("src/main/resources/db/migration").resolve(built.relativize(file));
                        if (!Files.exists(source)) {
                            stale.add(root.relativize(file).toString());
                        }
                    }
                }
            }
        }
        return stale;
    }

    /** The 1, 5 and 15 minute load averages. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String git(Path root, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = root.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
