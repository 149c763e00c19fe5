package io.vigie.ingestion.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vigie.ingestion.domain.query.QuerySyntaxException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a query that does not parse with 400 and a problem body naming the column of the mistake. */
public class QuerySyntaxExceptionMapper {

    @ServerExceptionMapper
    public Response map(QuerySyntaxException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid watchlist query")
                .withDetail(e.getMessage())
                .with("column", e.column())
                .with("reason", e.reason())
                .build()
                .toResponse();
    }
}
