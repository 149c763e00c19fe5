package io.vigie.centres.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.domain.WallSnapshot;
import io.vigie.centres.security.Access;
import io.vigie.centres.service.WallBroadcaster;
import io.vigie.centres.service.WallService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The wall's data: one snapshot, or a server-sent event stream of snapshots. Open to signed-in users and to room
 * screens that hold the read-only wall key ({@code ?key=}), see ADR 0061.
 */
@Path("/api/wall")
@PermitAll
public class WallResource {

    private final WallService wall;
    private final WallBroadcaster broadcaster;
    private final Access access;
    private final SecurityIdentity identity;

    public WallResource(WallService wall, WallBroadcaster broadcaster, Access access, SecurityIdentity identity) {
        this.wall = wall;
        this.broadcaster = broadcaster;
        this.access = access;
        this.identity = identity;
    }

    @GET
    @Path("/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<WallSnapshot> snapshot(@QueryParam("scope") String scope, @QueryParam("key") String key) {
        return wall.snapshot(check(scope, key));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<WallSnapshot> stream(@QueryParam("scope") String scope, @QueryParam("key") String key) {
        return broadcaster.watch(check(scope, key));
    }

    private String check(String scope, String key) {
        access.checkWall(identity, key);
        String s = scope == null || scope.isBlank() ? "*" : scope;
        if (!wall.knows(s)) {
            throw Problems.notFound("no centre " + s);
        }
        return s;
    }
}
