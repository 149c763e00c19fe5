package io.vigie.ingestion.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigie.events.Mention;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Characters PostgreSQL cannot store: a NUL in an identifier is a malformed post (rejected with its reason, found by
 * the webhook fuzz test as a 500), a NUL in free text is dropped and the rest kept.
 */
class MentionMapperTest {

    private final MentionMapper mapper = new MentionMapper();

    private static ReplayPost post(String id, String text, String threadId) {
        return new ReplayPost("community", id, "community:board-gaming", threadId, null,
                new ReplayPost.ReplayAuthor("u1", "ana\u0000", 3L, false), text, "fr", "2026-11-22T09:15:02Z", null);
    }

    @Test
    void aControlCharacterInAnIdentifierIsAClearRejection() {
        InvalidPostException e = assertThrows(InvalidPostException.class,
                () -> mapper.toMention(post("\u0000", "Même souci ?", null), List.of(), Instant.EPOCH));
        assertEquals("id must not contain control characters", e.getMessage());
        e = assertThrows(InvalidPostException.class,
                () -> mapper.toMention(post("42", "Même souci ?", "t\n1"), List.of(), Instant.EPOCH));
        assertEquals("threadId must not contain control characters", e.getMessage());
    }

    @Test
    void aNulInFreeTextIsDroppedAndATextOfNulsIsMissing() {
        Mention m = mapper.toMention(post("42", "Même\u0000 souci ?", null), List.of(), Instant.EPOCH);
        assertEquals("Même souci ?", m.text());
        assertEquals("ana", m.author().handle());
        InvalidPostException e = assertThrows(InvalidPostException.class,
                () -> mapper.toMention(post("42", "\u0000\u0000", null), List.of(), Instant.EPOCH));
        assertEquals("text is required", e.getMessage());
    }
}
