package io.vigie.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Addresses and credentials of the local infrastructure, as {@code infra/vigie-infra env} exports them. */
public final class BenchEnv {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final Map<String, String> env;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BenchEnv(Map<String, String> env, Path root) {
        this.env = env;
        this.root = root;
        for (String key : new String[] { "VIGIE_KAFKA_BOOTSTRAP", "VIGIE_PG_HOST", "VIGIE_PG_PORT", "VIGIE_DB_USER",
                "VIGIE_DB_PASSWORD", "VIGIE_OIDC_URL", "VIGIE_AUTOMATION_CLIENT", "VIGIE_AUTOMATION_SECRET" }) {
            if (value(key) == null) {
                throw new IllegalStateException(key + " is not set: run through infra/with-infra (make bench does),"
                        + " or eval \"$(infra/vigie-infra env)\" first");
            }
        }
    }

    /** From the process environment; {@code root} is the repository. */
    static BenchEnv fromEnvironment(Path root) {
        return new BenchEnv(System.getenv(), root);
    }

    /** The repository's root folder. */
    Path root() {
        return root;
    }

    /** A value of the environment, or null. */
    String value(String key) {
        String v = env.get(key);
        return v == null || v.isBlank() ? null : v;
    }

    /** The whole environment (passed on to the services). */
    Map<String, String> values() {
        return env;
    }

    String kafkaBootstrap() {
        return value("VIGIE_KAFKA_BOOTSTRAP");
    }

    /** A JDBC connection to one database as the {@code vigie} role. */
    Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + value("VIGIE_PG_HOST") + ":" + value("VIGIE_PG_PORT")
                + "/" + name, value("VIGIE_DB_USER"), value("VIGIE_DB_PASSWORD"));
    }

    /** Creates a database owned by the {@code vigie} role (it has CREATEDB) unless it exists. */
    void ensureDatabase(String name) throws SQLException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = database("postgres"); var st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                st.execute("create database " + name);
            }
        }
    }

    /** An access token of the automation client's service account (role admin), by client credentials. */
    String clientToken() throws IOException, InterruptedException {
        String body = "grant_type=client_credentials&client_id=" + enc(value("VIGIE_AUTOMATION_CLIENT"))
                + "&client_secret=" + enc(value("VIGIE_AUTOMATION_SECRET"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(value("VIGIE_OIDC_URL") + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(res.body());
        if (res.statusCode() != 200 || !m.find()) {
            throw new IOException("Keycloak refused a client-credentials token: HTTP " + res.statusCode());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
