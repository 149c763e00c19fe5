package io.vigie.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Keycloak's admin API of the local instance, for what tests need beyond the committed realm import. */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakAdmin() {
    }

    /** An access token of the master realm's admin. */
    public static String token() {
        Infra infra = Infra.get();
        String body = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode(infra.value("VIGIE_KC_ADMIN_PASSWORD"), StandardCharsets.UTF_8);
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(infra.value("VIGIE_KC_URL")
                + "/realms/master/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login refused (" + r.statusCode() + ")");
        }
        return read(r.body()).path("access_token").asText();
    }

    /** A call to {@code /admin/realms…}; returns the answer. */
    public static HttpResponse<String> call(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Infra.get().value("VIGIE_KC_URL") + "/admin/realms" + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    /**
     * Lets the realm's web client (PKCE) redirect to the UI served on {@code port} of the loopback address, when it is
     * not one of the ports the committed realm registers (8084, 8085), e.g. a second instance on other ports.
     */
    public static synchronized void allowWebClientOn(int port) {
        HttpResponse<String> found = call("GET", "/vigie/clients?clientId=vigie-web", null);
        JsonNode list = read(found.body());
        if (found.statusCode() != 200 || list.size() != 1) {
            throw new IllegalStateException("client vigie-web not found (" + found.statusCode() + ")");
        }
        ObjectNode client = (ObjectNode) list.get(0);
        ArrayNode uris = (ArrayNode) client.path("redirectUris");
        boolean changed = false;
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String uri = "http://" + host + ":" + port + "/*";
            boolean present = false;
            for (JsonNode u : uris) {
                present |= u.asText().equals(uri);
            }
            if (!present) {
                uris.add(uri);
                changed = true;
            }
        }
        if (changed) {
            HttpResponse<String> put = call("PUT", "/vigie/clients/" + client.path("id").asText(), client.toString());
            if (put.statusCode() / 100 != 2) {
                throw new IllegalStateException("could not register port " + port + " for vigie-web (" + put.statusCode() + ")");
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
