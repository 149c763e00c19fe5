package io.vigie.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Obtains real access tokens from the local Keycloak: demo users by password grant, the automation client by client credentials. */
public final class Tokens {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a demo user, e.g. {@code agent-montpellier}. */
    public static String forUser(String username) {
        return CACHE.computeIfAbsent("user:" + username, u -> request(Map.of(
                "grant_type", "password",
                "username", username,
                "password", Infra.get().value("VIGIE_DEMO_PASSWORD"),
                "scope", "openid")));
    }

    /** An access token of the automation client (service account with role admin). */
    public static String forClient() {
        return CACHE.computeIfAbsent("client", u -> request(Map.of("grant_type", "client_credentials")));
    }

    /** Forgets the tokens obtained so far (they expire: long runs ask for fresh ones). */
    public static void forget() {
        CACHE.clear();
    }

    private static String request(Map<String, String> form) {
        Infra infra = Infra.get();
        Map<String, String> all = new java.util.HashMap<>(form);
        all.put("client_id", infra.value("VIGIE_AUTOMATION_CLIENT"));
        all.put("client_secret", infra.value("VIGIE_AUTOMATION_SECRET"));
        String body = all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(infra.oidcUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): " + response.body());
            }
            JsonNode token = JSON.readTree(response.body()).get("access_token");
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + infra.oidcUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
