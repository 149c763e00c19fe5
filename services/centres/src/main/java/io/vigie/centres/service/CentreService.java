package io.vigie.centres.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.domain.Centre;
import io.vigie.centres.repository.CentreRepository;
import io.vigie.centres.rest.CentreDto;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Business logic of the centres registry. */
@ApplicationScoped
public class CentreService {

    private final CentreRepository centres;
    private final ObjectMapper json;

    public CentreService(CentreRepository centres, ObjectMapper json) {
        this.centres = centres;
        this.json = json;
    }

    /** All centres, by id. */
    @WithSession
    public Uni<List<CentreDto>> all() {
        return centres.listAll(io.quarkus.panache.common.Sort.by("id")).map(l -> l.stream().map(CentreDto::of).toList());
    }

    /** One centre, or null. */
    @WithSession
    public Uni<CentreDto> byId(String id) {
        return centres.findById(id).map(c -> c == null ? null : CentreDto.of(c));
    }

    /** Reads a seed file (a JSON array of centres) and validates every entry. */
    public List<CentreDto> readSeed(Path file) throws IOException {
        List<CentreDto> seed = json.readValue(Files.readAllBytes(file), new TypeReference<List<CentreDto>>() { });
        for (CentreDto c : seed) {
            if (c.id() == null || !c.id().matches("[a-z0-9-]{2,64}")) {
                throw new IllegalArgumentException("centre id '" + c.id() + "' must be 2-64 lower-case letters, digits or dashes");
            }
            ZoneId.of(c.timeZone());
            if (c.primaryLanguages() == null || c.primaryLanguages().isEmpty()) {
                throw new IllegalArgumentException("centre " + c.id() + " has no primary language");
            }
        }
        return seed;
    }

    /** Inserts or updates the given centres. */
    @WithTransaction
    public Uni<Void> upsert(List<CentreDto> seed) {
        return Multi.createFrom().iterable(seed).onItem().transformToUniAndConcatenate(dto -> centres.findById(dto.id())
                .chain(existing -> {
                    Centre c = existing != null ? existing : new Centre();
                    c.id = dto.id();
                    c.city = dto.city();
                    c.timeZone = dto.timeZone();
                    c.primaryLanguages = String.join(",", dto.primaryLanguages());
                    c.secondaryLanguages = String.join(",", dto.secondaryLanguages() == null ? List.of() : dto.secondaryLanguages());
                    c.residencyZone = dto.residencyZone() == null ? "GLOBAL" : dto.residencyZone();
                    c.updatedAt = Instant.now();
                    return existing != null ? Uni.createFrom().item(c) : centres.persist(c);
                })).collect().last().replaceWithVoid();
    }
}
