package io.vigie.traffic;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parses the command-line flags into {@link GeneratorOptions} and an output path, rejecting anything unclear. */
final class CommandLine {

    static final String USAGE = """
            Usage: traffic-generator [options]

            Writes realistic, deterministic social media mentions of the fictional brand Nordlys as JSON Lines
            (one post per line, sorted by createdAt). Same seed and options => byte-identical output.

            Options:
              --seed N              random seed (default 42)
              --start ISO_INSTANT   first instant, e.g. 2026-11-22T00:00:00Z (default 2026-11-22T00:00:00Z)
              --hours H             length of the window in hours (default 24)
              --per-hour N          mean posts per hour over a week; nights and weekends are lower (default 200)
              --crisis-at ISO|none  start of an injected "ShieldPro update bricks laptops" crisis (default none)
              --crisis-size N       number of crisis posts (default 300)
              --out FILE            output file (default: standard output)
              --help                print this help and exit

            Example:
              traffic-generator --seed 42 --hours 24 --per-hour 100 --crisis-at 2026-11-22T14:00:00Z --out mentions.jsonl
            """;

    /** Parsed command line: either help, or options and an output ({@code null} = standard output). */
    record Parsed(boolean help, GeneratorOptions options, Path out) {
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {
    }

    static Parsed parse(String[] args) throws UsageException {
        long seed = GeneratorOptions.DEFAULT_SEED;
        Instant start = GeneratorOptions.DEFAULT_START;
        int hours = GeneratorOptions.DEFAULT_HOURS;
        double perHour = GeneratorOptions.DEFAULT_PER_HOUR;
        Instant crisisAt = null;
        int crisisSize = GeneratorOptions.DEFAULT_CRISIS_SIZE;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Parsed(true, null, null);
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--seed" -> seed = parseLong(name, value);
                case "--start" -> start = parseInstant(name, value);
                case "--hours" -> hours = parsePositiveInt(name, value, GeneratorOptions.MAX_HOURS);
                case "--per-hour" -> perHour = parsePositiveDouble(name, value, GeneratorOptions.MAX_PER_HOUR);
                case "--crisis-at" -> crisisAt = value.equalsIgnoreCase("none") ? null : parseInstant(name, value);
                case "--crisis-size" -> crisisSize = parsePositiveInt(name, value, GeneratorOptions.MAX_CRISIS_SIZE);
                case "--out" -> {
                    if (value.isBlank()) {
                        throw new UsageException("--out needs a file name");
                    }
                    out = Path.of(value);
                }
                default -> throw new UsageException("unknown option '" + name + "'");
            }
        }
        try {
            return new Parsed(false, new GeneratorOptions(seed, start, hours, perHour, crisisAt, crisisSize), out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long parseLong(String name, String value) throws UsageException {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got '" + value + "'");
        }
    }

    private static int parsePositiveInt(String name, String value, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || n > max) {
                throw new UsageException(name + " must be between 1 and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a positive integer, got '" + value + "'");
        }
    }

    private static double parsePositiveDouble(String name, String value, double max) throws UsageException {
        try {
            double n = Double.parseDouble(value.strip());
            if (!(n > 0) || n > max || Double.isNaN(n)) {
                throw new UsageException(name + " must be a number > 0 and <= " + (long) max + ", got '" + value + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number > 0, got '" + value + "'");
        }
    }

    private static Instant parseInstant(String name, String value) throws UsageException {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException(name + " must be an ISO-8601 instant such as 2026-11-22T00:00:00Z, got '" + value + "'");
        }
    }
}
