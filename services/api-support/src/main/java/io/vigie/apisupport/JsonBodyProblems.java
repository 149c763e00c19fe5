package io.vigie.apisupport;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a JSON body whose field has the wrong type (a number for a text, an object for a date…) with an RFC 9457
 * problem naming the field, instead of Quarkus' built-in answer (a bare JSON in dev and test, an empty 400 in
 * production).
 */
public class JsonBodyProblems {

    /** Media type of RFC 9457 problem bodies. */
    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream().map(JsonBodyProblems::name).collect(Collectors.joining("."));
        String why = e.getOriginalMessage() != null && e.getOriginalMessage().equals(NulFreeStrings.REASON)
                ? NulFreeStrings.REASON : "has the wrong type or shape";
        String detail = field.isEmpty() ? "the request body does not have the expected JSON shape"
                : "body field '" + field + "' " + why;
        return problem(400, "Bad Request", detail, uri.getPath());
    }

    private static String name(JsonMappingException.Reference r) {
        return r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]";
    }

    /** A problem response with the usual members. */
    public static Response problem(int status, String title, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("title", title);
        body.put("detail", detail);
        body.put("instance", instance);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
