package io.vigie.ingestion.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.domain.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** The signed webhook deliveries already processed, by connector and digest of the signed bytes (replay refusal). */
@ApplicationScoped
public class DeliveryLedger implements PanacheRepositoryBase<WebhookDelivery, String> {

    /** The ledger id of a delivery: {@code connector:sha256(signed bytes)}. */
    public static String id(String connector, byte[] signed) {
        try {
            return connector + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signed));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The delivery, if it was processed within the replay window. */
    @WithSession
    public Uni<WebhookDelivery> processed(String id) {
        return findById(id);
    }

    /** Records a processed delivery (unless a concurrent twin did). */
    @WithTransaction
    public Uni<Void> record(String id, String connector, Instant at) {
        return findById(id).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            WebhookDelivery d = new WebhookDelivery();
            d.id = id;
            d.connector = connector;
            d.receivedAt = at;
            return persist(d).replaceWithVoid();
        });
    }

    /** Forgets the deliveries received before {@code before}; returns how many. */
    @WithTransaction
    public Uni<Long> purge(Instant before) {
        return delete("receivedAt < ?1", before);
    }
}
