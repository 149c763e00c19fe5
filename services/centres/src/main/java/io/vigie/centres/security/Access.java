package io.vigie.centres.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import io.vigie.centres.config.CentresConfig;
import io.vigie.centres.repository.MetricsWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who may read which scope: reports are for admins (any centre or {@code *}) and supervisors (their own centre);
 * the wall for any signed-in user, or a room screen holding the read-only wall key (ADR 0061).
 */
@ApplicationScoped
public class Access {

    /** Claim naming the caller's centre. */
    public static final String CENTRE_CLAIM = "centre";

    private final CentresConfig config;

    public Access(CentresConfig config) {
        this.config = config;
    }

    /** The scope a caller may read reports of; {@code requested} null means their default. Throws a 403 problem. */
    public String reportScope(SecurityIdentity identity, String requested) {
        if (identity.hasRole("admin")) {
            return requested == null || requested.isBlank() ? MetricsWriter.ALL : requested;
        }
        String own = centre(identity);
        if (identity.hasRole("supervisor") && own != null) {
            if (requested == null || requested.isBlank() || requested.equals(own)) {
                return own;
            }
            throw forbidden("a supervisor reads the reports of their own centre (" + own + ") only");
        }
        throw forbidden("reports are for supervisors and admins");
    }

    /** Checks that the caller may watch the wall: signed in, or holding the wall key. Throws a 401 problem. */
    public void checkWall(SecurityIdentity identity, String key) {
        if (!identity.isAnonymous()) {
            return;
        }
        String expected = config.wall().key().orElse(null);
        if (expected != null && key != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        throw HttpProblem.builder().withStatus(Response.Status.UNAUTHORIZED).withTitle("Unauthorized")
                .withDetail("the wall needs a bearer token or the wall key").build();
    }

    private static String centre(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object c = jwt.getClaim(CENTRE_CLAIM);
            return c == null ? null : c.toString().replace("\"", "");
        }
        return null;
    }

    private static HttpProblem forbidden(String detail) {
        return HttpProblem.builder().withStatus(Response.Status.FORBIDDEN).withTitle("Forbidden").withDetail(detail).build();
    }
}
