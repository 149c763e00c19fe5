package io.vigie.apisupport;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives an RFC 9457 problem body to any 4xx the framework answers without a body (e.g. an empty JSON body where an
 * object was expected), so that every client error of a Vigie API reads the same way; 401 stays the authentication
 * layer's (with its WWW-Authenticate header).
 */
public class BodilessErrors {

    @ServerResponseFilter
    public void problemBody(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || status == 401 || response.hasEntity()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", response.getStatusInfo().getReasonPhrase());
        body.put("detail", status == 400 ? "the request is not what this endpoint accepts (e.g. an empty or unreadable body)"
                : response.getStatusInfo().getReasonPhrase());
        body.put("instance", request.getUriInfo().getPath());
        response.setEntity(body, null, MediaType.valueOf(JsonBodyProblems.PROBLEM_JSON));
    }
}
