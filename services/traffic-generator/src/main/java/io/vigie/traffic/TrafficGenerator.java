package io.vigie.traffic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Entry point of the traffic generator, from code ({@link #stream()}, {@link #writeTo(Writer)}) and from the
 * command line ({@link #main(String[])}): deterministic, realistic mentions of the fictional brand Nordlys.
 */
public final class TrafficGenerator implements Iterable<GeneratedMention> {

    /** Exit code for a bad command line. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for an I/O failure. */
    public static final int EXIT_IO = 1;

    private final GeneratorOptions options;

    public TrafficGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GeneratorOptions options() {
        return options;
    }

    /** A fresh lazy iterator; every call starts over and yields the same sequence. */
    @Override
    public Iterator<GeneratedMention> iterator() {
        return new MentionStream(options);
    }

    /** A fresh lazy, ordered, sequential stream (nothing is materialised; safe for millions of posts). */
    public Stream<GeneratedMention> stream() {
        Spliterator<GeneratedMention> spliterator = Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE);
        return StreamSupport.stream(spliterator, false);
    }

    /** The replay lines, lazily. */
    public Stream<String> lines() {
        return stream().map(GeneratedMention::toJsonLine);
    }

    /** Writes every replay line followed by {@code \n}; returns the number of lines. Does not close the writer. */
    public long writeTo(Writer out) throws IOException {
        long count = 0;
        for (GeneratedMention mention : this) {
            out.write(mention.toJsonLine());
            out.write('\n');
            count++;
        }
        out.flush();
        return count;
    }

    /** Command line; see {@code --help}. Exits with 2 on a bad command line, 1 on an I/O error. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line against the given streams and returns the exit code (0, 1 or 2). */
    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        CommandLine.Parsed parsed;
        try {
            parsed = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            stderr.println("traffic-generator: " + e.getMessage());
            stderr.println("Try 'traffic-generator --help' for the list of options.");
            return EXIT_USAGE;
        }
        if (parsed.help()) {
            stdout.print(CommandLine.USAGE);
            stdout.flush();
            return 0;
        }
        TrafficGenerator generator = new TrafficGenerator(parsed.options());
        try {
            if (parsed.out() == null) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16);
                generator.writeTo(writer);
            } else {
                Path out = parsed.out().toAbsolutePath();
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                long count;
                try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    count = generator.writeTo(writer);
                }
                stderr.println("traffic-generator: wrote " + count + " mentions to " + parsed.out());
            }
            return 0;
        } catch (IOException | UncheckedIOException e) {
            stderr.println("traffic-generator: cannot write output: " + e.getMessage());
            return EXIT_IO;
        }
    }
}
