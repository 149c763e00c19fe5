package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * No secret in the repository: no private key block in a tracked file, none of this machine's generated secrets
 * (.run/secrets.env) in a tracked file, and no service property named like a secret with a literal production value.
 */
class RepositorySecretsTest {

    private static List<Path> trackedFiles() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "ls-files", "-z").directory(Repo.root().toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        List<Path> files = new ArrayList<>();
        for (String f : out.split("\0")) {
            Path path = Repo.root().resolve(f);
            if (!f.isEmpty() && Files.isRegularFile(path) && Files.size(path) < 5_000_000) {
                files.add(path);
            }
        }
        return files;
    }

    @Test
    void noPrivateKeyNorGeneratedSecretIsTracked() throws Exception {
        List<String> secrets = new ArrayList<>();
        for (Path env : List.of(Repo.root().resolve(".run/secrets.env"),
                Path.of(System.getenv().getOrDefault("VIGIE_HOME", Repo.root().resolve(".run").toString()), "secrets.env"))) {
            if (Files.isReadable(env)) {
                for (String line : Files.readAllLines(env)) {
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0 && line.length() - eq > 8) {
                        secrets.add(line.substring(eq + 1).strip());
                    }
                }
            }
        }
        List<String> found = new ArrayList<>();
        List<Path> files = trackedFiles();
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            if (text.matches("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*")) {
                found.add(Repo.root().relativize(f) + ": a private key");
            }
            for (String s : secrets) {
                if (text.contains(s)) {
                    found.add(Repo.root().relativize(f) + ": a value of secrets.env");
                }
            }
        }
        assertEquals(List.of(), found, "scanned " + files.size() + " tracked files");
    }

    @Test
    void secretPropertiesOfTheServicesComeFromTheEnvironment() throws Exception {
        List<String> literal = new ArrayList<>();
        for (Path f : trackedFiles()) {
            if (!f.getFileName().toString().equals("application.properties") || !f.toString().contains("src/main")) {
                continue;
            }
            for (String line : Files.readAllLines(f)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (l.startsWith("#") || l.startsWith("%test.") || l.startsWith("%dev.") || eq < 0) {
                    continue;
                }
                String key = l.substring(0, eq).toLowerCase();
                String value = l.substring(eq + 1).strip();
                // ...from-secret names a Kubernetes Secret: a reference, not a value
                boolean secretKey = key.matches(".*(password|secret|token|api-key|credential)$") && !key.endsWith("from-secret");
                if (secretKey && !value.isEmpty() && !value.startsWith("${")) {
                    literal.add(Repo.root().relativize(f) + ": " + l);
                }
            }
        }
        assertEquals(List.of(), literal);
    }
}
