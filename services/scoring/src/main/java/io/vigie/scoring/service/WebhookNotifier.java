package io.vigie.scoring.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.scoring.client.WebhookClient;
import io.vigie.scoring.config.RadarConfig;
import io.vigie.scoring.repository.IncidentRepository;
import io.vigie.scoring.repository.IncidentRepository.DueDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import org.jboss.logging.Logger;

/**
 * Delivers the webhook notifications of alerts (the leader only): a 2xx answer delivers; a failure is retried with
 * exponential backoff until the attempts run out, and stays visible in the incident's detail.
 */
@ApplicationScoped
public class WebhookNotifier {

    private static final Logger LOG = Logger.getLogger(WebhookNotifier.class);

    private final IncidentRepository incidents;
    private final WebhookClient client;
    private final RadarConfig config;
    private final Provider<RadarService> radar;
    private final MeterRegistry registry;

    public WebhookNotifier(IncidentRepository incidents, WebhookClient client, RadarConfig config,
            Provider<RadarService> radar, MeterRegistry registry) {
        this.incidents = incidents;
        this.client = client;
        this.config = config;
        this.radar = radar;
        this.registry = registry;
    }

    @Scheduled(every = "${vigie.radar.webhook-delivery.every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliver() {
        if (config.webhooks().isEmpty() || !radar.get().leader()) {
            return Uni.createFrom().voidItem();
        }
        return incidents.dueDeliveries(50)
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::attempt)
                        .collect().last())
                .onFailure().invoke(e -> LOG.warnf("webhook deliveries: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> attempt(DueDelivery d) {
        RadarConfig.Webhook w = config.webhooks().get(d.endpoint());
        RadarConfig.WebhookDelivery policy = config.webhookDelivery();
        if (w == null) {
            return incidents.failedAttempt(d.id(), null, "endpoint " + d.endpoint() + " is no longer configured",
                    true, 0);
        }
        boolean last = d.attempts() + 1 >= policy.maxAttempts();
        long backoff = Math.min(policy.maxBackoff().toMillis(),
                policy.backoff().toMillis() << Math.min(20, d.attempts()));
        return client.post(w.url(), w.secret(), "delivery-" + d.id(), d.payload(), policy.timeout().toMillis())
                .chain(status -> {
                    if (status >= 200 && status < 300) {
                        count(d.endpoint(), "delivered");
                        return incidents.delivered(d.id(), status);
                    }
                    count(d.endpoint(), last ? "failed" : "retried");
                    return incidents.failedAttempt(d.id(), status, d.endpoint() + " answered " + status, last, backoff);
                })
                .onFailure().recoverWithUni(e -> {
                    count(d.endpoint(), last ? "failed" : "retried");
                    return incidents.failedAttempt(d.id(), null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                            last, backoff);
                });
    }

    private void count(String endpoint, String outcome) {
        registry.counter("vigie_radar_webhook_deliveries_total", "endpoint", endpoint, "outcome", outcome).increment();
    }
}
