package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.vigie.workspace.domain.ConversationLabel;
import jakarta.enterprise.context.ApplicationScoped;

/** Data access to the labels of conversations. */
@ApplicationScoped
public class ConversationLabelRepository implements PanacheRepositoryBase<ConversationLabel, Long> {
}
