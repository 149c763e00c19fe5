package io.vigie.workspace.rest;

import io.smallrye.mutiny.Multi;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.security.CurrentUser;
import io.vigie.workspace.service.GrantService;
import io.vigie.workspace.service.LiveUpdates;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.HashSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events: new assignments, customer messages, SLA warnings and delivery receipts of my centre. */
@Path("/api/stream")
@RolesAllowed({ "agent", "supervisor", "expert" })
public class StreamResource {

    private final LiveUpdates live;
    private final GrantService grants;
    private final CurrentUser user;

    public StreamResource(LiveUpdates live, GrantService grants, CurrentUser user) {
        this.live = live;
        this.grants = grants;
        this.user = user;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live updates for my screen; a 'hello' event first, then a heartbeat every 20 s")
    public Multi<LiveEvent> stream() {
        Actor me = user.actor();
        Multi<LiveEvent> hello = Multi.createFrom().item(LiveEvent.of("hello", null, me.centre(), null, me.name()));
        Multi<LiveEvent> beats = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                .onOverflow().drop().map(t -> LiveEvent.of("heartbeat", null, me.centre(), null, null));
        return grants.spaces(me).onItem().transformToMulti(spaces -> Multi.createBy().merging()
                .streams(hello, live.stream(me, new HashSet<>(spaces)), beats));
    }
}
