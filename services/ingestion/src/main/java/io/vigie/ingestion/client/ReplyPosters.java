package io.vigie.ingestion.client;

import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.OutboundReplyRecord;
import jakarta.enterprise.context.ApplicationScoped;

/** Posts a reply through the connector of its network. */
@ApplicationScoped
public class ReplyPosters {

    private final XClient x;
    private final MetaClient meta;
    private final DiscourseClient discourse;
    private final LinkedinClient linkedin;

    public ReplyPosters(XClient x, MetaClient meta, DiscourseClient discourse, LinkedinClient linkedin) {
        this.x = x;
        this.meta = meta;
        this.discourse = discourse;
        this.linkedin = linkedin;
    }

    /** One attempt; never fails: every error is a {@link PostOutcome}. */
    public Uni<PostOutcome> post(OutboundReplyRecord r) {
        Uni<PostOutcome> attempt = switch (r.network) {
            case "x" -> x.reply(r.inReplyTo, r.text);
            case "facebook", "instagram" -> meta.reply(r.network, r.inReplyTo, r.text);
            case "community" -> discourse.reply(r.inReplyTo, r.text);
            case "linkedin" -> linkedin.reply(r.inReplyTo, r.text);
            default -> Uni.createFrom().item(new PostOutcome.Failed("network '" + r.network + "' does not accept replies"));
        };
        return attempt.onFailure().recoverWithItem(t -> new PostOutcome.Retry("unexpected error: " + t, null));
    }
}
