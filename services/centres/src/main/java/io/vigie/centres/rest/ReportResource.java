package io.vigie.centres.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.domain.Report;
import io.vigie.centres.domain.SpaceHealth;
import io.vigie.centres.repository.QuestionQueries;
import io.vigie.centres.security.Access;
import io.vigie.centres.service.ReportService;
import io.vigie.centres.service.SpaceService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestMulti;

/** Reports over any period as JSON or CSV: supervisors for their centre, admins for any centre or everything ({@code *}). */
@Path("/api/reports")
@Authenticated
public class ReportResource {

    /** Media type of the CSV export. */
    public static final String CSV = "text/csv";

    private final ReportService reports;
    private final SpaceService spaces;
    private final Access access;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ReportResource(ReportService reports, SpaceService spaces, Access access, SecurityIdentity identity, Clock clock) {
        this.reports = reports;
        this.spaces = spaces;
        this.access = access;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The scope's report over [from, to)", description = "Counts, sums, means and shares are exact. "
            + "The percentiles (figures.firstResponseP50/P90, figures.resolutionP50/P90, in seconds) are nearest-rank "
            + "percentiles (the duration of rank ceil(p n), as percentile_disc) read from log-spaced duration "
            + "histograms: within 2 % of the exact value; durations under 1 ms, negative ones included, count as 0. "
            + "See ADR 0110.")
    public Uni<Report> json(@QueryParam("scope") String scope, @QueryParam("from") String from, @QueryParam("to") String to) {
        String allowed = access.reportScope(identity, scope);
        Period p = Period.parse(from, to, clock.instant());
        return reports.report(allowed, p.from(), p.to());
    }

    @GET
    @Path("/spaces")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<SpaceHealth>> spaces(@QueryParam("scope") String scope, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String allowed = access.reportScope(identity, scope);
        Period p = Period.parse(from, to, clock.instant());
        return spaces.map(allowed, p.from(), p.to());
    }

    @GET
    @Path("/questions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The 20 most asked question clusters over [from, to), hours rounded outwards",
            description = "Each cluster's count in the period and in the previous one of equal length are exact. The "
                    + "list is read from each day's and hour's busiest clusters: exact = true when it is provably the "
                    + "period's top 20, else a cluster left out may have up to missedAtMost mentions.")
    public Uni<QuestionQueries.Questions> questions(@QueryParam("scope") String scope,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        access.reportScope(identity, scope);
        Period p = Period.parse(from, to, clock.instant());
        return reports.questions(p.from(), p.to());
    }

    /**
     * The CSV export, streamed in chunks (chunked transfer encoding) as the database cursor yields rows, so a long
     * period never sits in memory whole. Access and the period are checked before the first byte is written; a
     * database failure after that can only cut the response short.
     */
    @GET
    @Path("/csv")
    @Produces(CSV)
    public RestMulti<String> csv(@QueryParam("scope") String scope, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        String allowed = access.reportScope(identity, scope);
        Period p = Period.parse(from, to, clock.instant());
        return RestMulti.fromMultiData(reports.csv(allowed, p.from(), p.to()))
                .header("Content-Type", CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"vigie-" + ("*".equals(allowed) ? "all" : allowed) + ".csv\"")
                .build();
    }
}
