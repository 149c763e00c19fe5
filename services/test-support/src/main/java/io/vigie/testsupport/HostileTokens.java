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
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Real signed JWTs that every Vigie API must reject: issued by another realm of the local Keycloak, expired,
 * issued for another audience, signed with a key of our own, tampered with after signing, or unsigned
 * ({@code alg: none}). The foreign realm and the extra clients are created through Keycloak's admin API on
 * first use (idempotently), so the committed realm import stays as it is.
 */
public final class HostileTokens {

    /** Realm created next to {@code vigie}: same users, roles and claims, another issuer and another signing key. */
    public static final String FOREIGN_REALM = "vigie-foreign";
    /** Client of realm {@code vigie} whose access tokens live one second. */
    public static final String SHORT_LIVED_CLIENT = "vigie-test-short-lived";
    /** Client of realm {@code vigie} whose tokens do not carry the {@code vigie-api} audience. */
    public static final String OTHER_AUDIENCE_CLIENT = "vigie-test-other-audience";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static volatile boolean provisioned;

    private HostileTokens() {
    }

    /**
     * The check of every service's foreign-token test: {@code call} (a request of the service's API with the given
     * bearer token, returning its status) answers {@code accepted} with {@code user}'s real token and 401 with every
     * token of {@link #all}; fails naming each kind answered otherwise.
     */
    public static void assertOnlyRealTokensAccepted(String user, int accepted, ToIntFunction<String> call) {
        int real = call.applyAsInt(Tokens.forUser(user));
        if (real != accepted) {
            throw new AssertionError("the real token of " + user + " got " + real + ", expected " + accepted);
        }
        Map<String, Integer> wrong = new LinkedHashMap<>();
        all(user).forEach((kind, token) -> {
            int status = call.applyAsInt(token);
            if (status != 401) {
                wrong.put(kind, status);
            }
        });
        if (!wrong.isEmpty()) {
            throw new AssertionError("hostile tokens not answered 401 (kind=status): " + wrong);
        }
    }

    /** Every kind of token that must be rejected, for {@code user}, by name. */
    public static Map<String, String> all(String user) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("other issuer", otherIssuer(user));
        m.put("expired", expired(user));
        m.put("other audience", otherAudience(user));
        m.put("signed with our own key", selfSigned(user));
        m.put("tampered claims", tampered(user));
        m.put("alg none", unsigned(user));
        m.put("not a JWT", "not-a-jwt");
        return m;
    }

    /** A token of {@code user} from the foreign realm (issuer {@code …/realms/vigie-foreign}), signed by its key. */
    public static String otherIssuer(String user) {
        provision();
        return CACHE.computeIfAbsent("issuer:" + user, k -> password(FOREIGN_REALM, Infra.get().value("VIGIE_AUTOMATION_CLIENT"), user));
    }

    /** A token of {@code user} from realm vigie, signed by its key, whose expiry has passed (it lived one second). */
    public static String expired(String user) {
        provision();
        String token = CACHE.computeIfAbsent("expired:" + user, k -> password("vigie", SHORT_LIVED_CLIENT, user));
        long exp = claims(token).path("exp").asLong();
        // wait for the token's own expiry (plus a margin for clock skew), the outcome this token is about
        while (Instant.now().getEpochSecond() <= exp + 2) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    /** A valid token of {@code user} from realm vigie whose audience is not {@code vigie-api}. */
    public static String otherAudience(String user) {
        provision();
        return CACHE.computeIfAbsent("audience:" + user, k -> password("vigie", OTHER_AUDIENCE_CLIENT, user));
    }

    /** The claims of a real token of {@code user}, re-signed (RS256, same {@code kid}) with a key of our own. */
    public static String selfSigned(String user) {
        String[] parts = Tokens.forUser(user).split("\\.");
        return sign(parts[0] + "." + parts[1]);
    }

    /** A real token of {@code user} whose roles were changed to admin after signing (the signature no longer matches). */
    public static String tampered(String user) {
        String[] parts = Tokens.forUser(user).split("\\.");
        ObjectNode claims = (ObjectNode) claims(Tokens.forUser(user));
        ArrayNode roles = claims.putObject("realm_access").putArray("roles");
        roles.add("admin").add("supervisor").add("agent");
        return parts[0] + "." + B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** The claims of a real token of {@code user} with {@code alg: none} and no signature. */
    public static String unsigned(String user) {
        String[] parts = Tokens.forUser(user).split("\\.");
        String header = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    /** The decoded claims of a JWT. */
    public static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(String headerAndClaims) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(pair.getPrivate());
            s.update(headerAndClaims.getBytes(StandardCharsets.US_ASCII));
            return headerAndClaims + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ Keycloak admin API

    private static synchronized void provision() {
        if (provisioned) {
            return;
        }
        Infra infra = Infra.get();
        String kc = infra.value("VIGIE_KC_URL");
        String admin = form(kc + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", infra.value("VIGIE_KC_ADMIN_PASSWORD")));
        String adminToken = field(admin, "access_token");
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(infra.root().resolve("infra/keycloak/vigie-realm.json"))
                    .replace("${VIGIE_AUTOMATION_SECRET}", infra.value("VIGIE_AUTOMATION_SECRET"))
                    .replace("${VIGIE_DEMO_PASSWORD}", infra.value("VIGIE_DEMO_PASSWORD")));
            ObjectNode automation = null;
            for (JsonNode c : realm.path("clients")) {
                if (c.path("clientId").asText().equals(infra.value("VIGIE_AUTOMATION_CLIENT"))) {
                    automation = (ObjectNode) c;
                }
            }
            if (automation == null) {
                throw new IllegalStateException("vigie-realm.json has no automation client");
            }
            if (status(adminToken, "GET", kc + "/admin/realms/" + FOREIGN_REALM, null) == 404) {
                realm.put("realm", FOREIGN_REALM).put("displayName", "Vigie (foreign issuer for tests)");
                expect(status(adminToken, "POST", kc + "/admin/realms", realm.toString()), 201, 409);
            }
            ObjectNode shortLived = automation.deepCopy().put("clientId", SHORT_LIVED_CLIENT).put("serviceAccountsEnabled", false);
            shortLived.putObject("attributes").put("access.token.lifespan", "1");
            ensureClient(adminToken, kc, shortLived);
            ObjectNode otherAudience = automation.deepCopy().put("clientId", OTHER_AUDIENCE_CLIENT).put("serviceAccountsEnabled", false);
            ArrayNode mappers = otherAudience.putArray("protocolMappers");
            for (JsonNode m : automation.path("protocolMappers")) {
                if (!"oidc-audience-mapper".equals(m.path("protocolMapper").asText())) {
                    mappers.add(m);
                }
            }
            ensureClient(adminToken, kc, otherAudience);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        provisioned = true;
    }

    private static void ensureClient(String adminToken, String kc, ObjectNode client) {
        expect(status(adminToken, "POST", kc + "/admin/realms/vigie/clients", client.toString()), 201, 409);
    }

    private static void expect(int status, int... ok) {
        for (int o : ok) {
            if (status == o) {
                return;
            }
        }
        throw new IllegalStateException("Keycloak admin API answered " + status);
    }

    private static int status(String token, String method, String url, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String password(String realm, String clientId, String user) {
        Infra infra = Infra.get();
        String body = form(infra.value("VIGIE_KC_URL") + "/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "client_secret", infra.value("VIGIE_AUTOMATION_SECRET"),
                "username", user, "password", infra.value("VIGIE_DEMO_PASSWORD"), "scope", "openid"));
        return field(body, "access_token");
    }

    private static String form(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token at " + url + " (" + r.statusCode() + "): " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
