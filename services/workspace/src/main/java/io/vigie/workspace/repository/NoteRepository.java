package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.Note;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the note of conversations. */
@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<Note, Long> {
}
