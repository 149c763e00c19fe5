package io.vigie.apisupport;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Refuses a path or query that holds an encoded NUL ({@code %00}): no Vigie identifier has one, and PostgreSQL cannot store it. */
public class NulInRequestFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseNul(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.toLowerCase(Locale.ROOT).contains("%00") || raw.indexOf('\u0000') >= 0) {
            return JsonBodyProblems.problem(400, "Bad Request", "the path or the query contains a NUL character",
                    request.getUriInfo().getPath());
        }
        return null;
    }
}
