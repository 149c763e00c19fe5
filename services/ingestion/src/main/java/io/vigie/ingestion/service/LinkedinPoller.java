package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.client.LinkedinClient;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.mapping.LinkedinPayloadMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Polls the comments on the brand's LinkedIn posts ({@code socialActions/{post}/comments}); known comments are duplicates. */
@ApplicationScoped
public class LinkedinPoller {

    static final String NAME = "linkedin-poll";

    private final LinkedinClient linkedin;
    private final IngestionConfig.Linkedin config;
    private final LinkedinPayloadMapper mapper;
    private final NetworkIntake intake;
    private final ConnectorStatus status;
    private final ObjectMapper json;

    public LinkedinPoller(LinkedinClient linkedin, IngestionConfig config, LinkedinPayloadMapper mapper, NetworkIntake intake,
            ConnectorStatus status, ObjectMapper json) {
        this.linkedin = linkedin;
        this.config = config.linkedin();
        this.mapper = mapper;
        this.intake = intake;
        this.status = status;
        this.json = json;
        status.declare(NAME, linkedin.configured() && config.linkedin().posts().isPresent() ? "idle" : "disabled");
    }

    @Scheduled(every = "${vigie.ingestion.linkedin.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (!linkedin.configured()) {
            return Uni.createFrom().voidItem();
        }
        List<String> posts = config.posts().orElse(List.of());
        return Multi.createFrom().iterable(posts).onItem().transformToUniAndConcatenate(post -> linkedin.comments(post, 0, 100)
                .chain(page -> {
                    status.state(NAME, "polling");
                    try {
                        return intake.take(NAME, mapper.comments(config.organization().orElse(null), json.readTree(page.encode())))
                                .replaceWithVoid();
                    } catch (Exception e) {
                        return Uni.createFrom().failure(e);
                    }
                })
                .onFailure().invoke(e -> status.error(NAME, post + ": " + e.getMessage()))
                .onFailure().recoverWithNull())
                .collect().last().replaceWithVoid();
    }
}
