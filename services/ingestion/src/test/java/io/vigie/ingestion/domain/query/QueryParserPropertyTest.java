package io.vigie.ingestion.domain.query;

import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text an admin may type as a watchlist query either parses or is refused with a {@link QuerySyntaxException}
 * whose column lies inside the query: never another exception, never a hang on deep nesting.
 */
class QueryParserPropertyTest {

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> tokens = Arbitraries.of("nordlys", "écran", "AND", "OR", "NOT", "(", ")", "\"", "\"mise à jour\"",
                "NEAR/3", "NEAR/0", "NEAR/999", "NEAR/", "NEAR/x", "word*", "a*", "*", "author:", "author:@jane", "lang:fr",
                "lang:", "network:x", "network:myspace", "space:\"x:@NordlysCare\"", "space:", ":", "😀", "\u0000", "\t", " ");
        return Arbitraries.oneOf(
                tokens.list().ofMaxSize(30).map(l -> String.join(" ", l)),
                tokens.list().ofMaxSize(30).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.integers().between(1, 200).map(n -> "(".repeat(n) + "a" + ")".repeat(n)),
                Arbitraries.strings().withChars("a ()\"*:").ofMaxLength(60),
                Arbitraries.strings().withChars('a', 'z').ofLength(QueryParser.MAX_LENGTH + 1));
    }

    @Property(tries = 1000)
    void parsesOrNamesTheColumn(@ForAll("queries") String query) {
        try {
            QueryParser.parse(query);
        } catch (QuerySyntaxException e) {
            assertTrue(e.column() >= 1 && e.column() <= query.length() + 1,
                    "column " + e.column() + " for a query of " + query.length() + " characters: " + e.reason());
            assertTrue(e.reason() != null && !e.reason().isBlank(), "a reason is given");
        }
    }
}
