package io.vigie.scoring.domain.radar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static Series series(SubjectKind kind, String subject) {
        return new Series(kind.id() + ":" + subject, kind, subject, 10, 360);
    }

    @Test
    void relatedSubjectsAreListedOnceAndNeverTheIncidentsOwn() {
        Series watchlist = series(SubjectKind.WATCHLIST, "shieldpro");
        Series term = series(SubjectKind.TERM, "#shieldprofail");
        // the same term counted again after its idle series was pruned: another series object, the same subject
        Series termAgain = series(SubjectKind.TERM, "#shieldprofail");
        Series scope = series(SubjectKind.SCOPE, "austin|en|x");
        Incident incident = new Incident("i-1", term);
        incident.members.addAll(List.of(scope, termAgain, watchlist, term));

        assertEquals(List.of("watchlist:shieldpro", "scope:austin|en|x"), incident.related());

        incident.primary = watchlist;
        assertEquals(List.of("term:#shieldprofail", "scope:austin|en|x"), incident.related());
    }
}
