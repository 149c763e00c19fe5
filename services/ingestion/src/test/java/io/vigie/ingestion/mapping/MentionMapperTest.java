package io.vigie.ingestion.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Characters PostgreSQL cannot store: a NUL (or any control character) in an identifier, or a NUL in free text, is a
 * malformed post, refused with its reason (the webhook fuzz test found a NUL post id answered with a 500).
 */
class MentionMapperTest {

    private final MentionMapper mapper = new MentionMapper();

    private static ReplayPost post(String id, String text, String threadId) {
        return new ReplayPost("community", id, "community:board-gaming", threadId, null,
                new ReplayPost.ReplayAuthor("u1", "ana", 3L, false), text, "fr", "2026-11-22T09:15:02Z", null);
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
    void aNulInFreeTextIsRefusedAsTheRestBodiesRefuseIt() {
        InvalidPostException e = assertThrows(InvalidPostException.class,
                () -> mapper.toMention(post("42", "Même\u0000 souci ?", null), List.of(), Instant.EPOCH));
        assertEquals("text contains a NUL character", e.getMessage());
    }
}
