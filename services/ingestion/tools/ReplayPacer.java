/*
 * ReplayPacer — feeds a JSON Lines replay file to ingestion's /api/mentions/replay at a chosen speed.
 *
 *   java services/ingestion/tools/ReplayPacer.java FILE SPEED URL TOKEN_COMMAND...
 *
 * SPEED is "max" (chunks of 2,000 lines, as fast as ingestion takes them) or a factor: 60 replays an hour of
 * event time (createdAt) in a minute, 1 in real time. Lines are sent when their createdAt, scaled, is due (a line
 * whose createdAt is missing or earlier than the previous one goes at once). TOKEN_COMMAND prints an access token
 * (e.g. infra/vigie-infra token --client); it is run again when ingestion answers 401, so long replays outlive
 * a token. Progress goes to stderr every second. Single-file program: needs only a JDK 17.
 */
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ReplayPacer {

    private static final Pattern CREATED = Pattern.compile("\"createdAt\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COUNTS = Pattern.compile("\"accepted\":(\\d+),\"duplicates\":(\\d+),\"rejected\":(\\d+)");
    private static final int CHUNK = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI url;
    private final List<String> tokenCommand;
    private String token;
    private long accepted;
    private long duplicates;
    private long rejected;
    private long sent;

    ReplayPacer(URI url, List<String> tokenCommand) {
        this.url = url;
        this.tokenCommand = tokenCommand;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReplayPacer FILE SPEED(max|factor) URL TOKEN_COMMAND...");
            System.exit(2);
        }
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        double factor = args[1].equalsIgnoreCase("max") ? 0 : Double.parseDouble(args[1]);
        if (factor < 0 || Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("SPEED must be max or a positive factor, not " + args[1]);
        }
        ReplayPacer pacer = new ReplayPacer(URI.create(args[2]), Arrays.asList(args).subList(3, args.length));
        long start = System.nanoTime();
        if (factor == 0) {
            for (int i = 0; i < lines.size(); i += CHUNK) {
                pacer.send(lines.subList(i, Math.min(lines.size(), i + CHUNK)));
                pacer.progress(lines.size(), start, null);
            }
        } else {
            pacer.paced(lines, factor, start);
        }
        System.err.printf("%n   done in %.1f s: %d lines sent, %d accepted, %d duplicates, %d rejected%n",
                (System.nanoTime() - start) / 1e9, pacer.sent, pacer.accepted, pacer.duplicates, pacer.rejected);
        System.exit(pacer.rejected > 0 ? 1 : 0);
    }

    private void paced(List<String> lines, double factor, long start) throws Exception {
        Instant t0 = null;
        List<String> batch = new ArrayList<>();
        long lastProgress = 0;
        Instant eventTime = null;
        for (String line : lines) {
            Instant created = createdAt(line);
            if (t0 == null && created != null) {
                t0 = created;
            }
            long dueNanos = created == null || t0 == null ? 0
                    : (long) (Duration.between(t0, created).toNanos() / factor);
            long wait = dueNanos - (System.nanoTime() - start);
            if (wait > 0 && !batch.isEmpty()) {
                send(batch);
                batch.clear();
                wait = dueNanos - (System.nanoTime() - start);
            }
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            batch.add(line);
            if (created != null) {
                eventTime = created;
            }
            if (batch.size() >= CHUNK) {
                send(batch);
                batch.clear();
            }
            if (System.nanoTime() - lastProgress > 1_000_000_000L) {
                progress(lines.size(), start, eventTime);
                lastProgress = System.nanoTime();
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
        progress(lines.size(), start, eventTime);
    }

    private static Instant createdAt(String line) {
        Matcher m = CREATED.matcher(line);
        if (!m.find()) {
            return null;
        }
        try {
            return Instant.parse(m.group(1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void send(List<String> batch) throws IOException, InterruptedException {
        String body = String.join("\n", batch) + "\n";
        for (int attempt = 0; ; attempt++) {
            if (token == null) {
                token = token();
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401 && attempt == 0) {
                token = null;
                continue;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ingestion answered " + response.statusCode() + ": " + response.body());
            }
            Matcher m = COUNTS.matcher(response.body());
            if (m.find()) {
                accepted += Long.parseLong(m.group(1));
                duplicates += Long.parseLong(m.group(2));
                long r = Long.parseLong(m.group(3));
                rejected += r;
                if (r > 0) {
                    System.err.printf("%n   rejected in this batch: %s%n", response.body());
                }
            }
            sent += batch.size();
            return;
        }
    }

    private String token() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(tokenCommand).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || out.isEmpty()) {
            throw new IllegalStateException("could not obtain a token with " + tokenCommand);
        }
        return out;
    }

    private void progress(int total, long start, Instant eventTime) {
        System.err.printf("\r   %d/%d lines (%.0f%%) in %.0f s%s: %d accepted, %d duplicates, %d rejected   ", sent, total,
                total == 0 ? 100.0 : 100.0 * sent / total, (System.nanoTime() - start) / 1e9,
                eventTime == null ? "" : ", event time " + eventTime, accepted, duplicates, rejected);
    }
}
