package io.vigie.ingestion.domain.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language as a table: queries against posts with their expected outcome, and every error with its column. */
class QueryParserTest {

    private static final String POST = "Mon écran reste NOIR après la mise à jour de l'antivirus Nordlys Shield 😡 #NordlysGaming";

    private static MatchDocument doc(String text) {
        return MatchDocument.of(text, "x", "x:@NordlysCare", "fr-FR", "u-42", "@JaneDoe");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ecran                                   | true
            ÉCRAN                                   | true
            écran                                   | true
            Ecrans                                  | false
            noir                                    | true
            ecran AND noir                          | true
            ecran noir                              | true
            ecran AND blanc                         | false
            ecran OR blanc                          | true
            blanc OR vert                           | false
            NOT blanc                               | true
            NOT noir                                | false
            ecran NOT noir                          | false
            ecran AND NOT blanc                     | true
            NOT NOT noir                            | true
            (blanc OR noir) AND ecran               | true
            blanc OR noir AND vert                  | false
            (blanc OR noir) AND (vert OR ecran)     | true
            ((noir))                                | true
            "reste noir"                            | true
            "RESTE NOIR APRES"                      | true
            "noir reste"                            | false
            "mise a jour"                           | true
            "jour mise"                             | false
            anti*                                   | true
            nordly*                                 | true
            Nordl*                                  | true
            shie*                                   | true
            shields*                                | false
            nordlysgaming                           | true
            ecran NEAR/2 noir                       | true
            ecran NEAR/1 noir                       | false
            noir NEAR/2 ecran                       | true
            ecran NEAR/1 reste                      | true
            ecran NEAR/3 antivirus                  | false
            "mise a jour" NEAR/3 antivirus          | true
            "mise a jour" NEAR/2 antivirus          | false
            anti* NEAR/1 nordlys                    | true
            nordlys NEAR/1 shield NEAR/1 😡         | true
            😡                                      | true
            😀                                      | false
            author:janedoe                          | true
            author:@JaneDoe                         | true
            author:u-42                             | true
            author:jane*                            | true
            author:john                             | false
            lang:fr                                 | true
            lang:fr-fr                              | true
            lang:f*                                 | true
            lang:en                                 | false
            network:x                               | true
            network:facebook                        | false
            space:x:@nordlyscare                    | true
            space:"x:@NordlysCare"                  | true
            space:x:*                               | true
            space:facebook:*                        | false
            network:x AND (noir OR blanc) NOT lang:en | true
            l'antivirus                             | true
            "l antivirus"                           | true
            and                                     | false
            la                                      | true
            """)
    void matches(String query, boolean expected) {
        assertEquals(expected, QueryParser.parse(query).matches(doc(POST)), query);
    }

    @ParameterizedTest(name = "{0} -> column {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``                      | 1  | the query is empty
            `   `                   | 1  | the query is empty
            `AND noir`              | 1  | expected a term before 'AND'
            `OR noir`               | 1  | expected a term before 'OR'
            `noir AND`              | 9  | expected a term after 'AND', found the end of the query
            `noir OR`               | 8  | expected a term after 'OR', found the end of the query
            `noir AND OR blanc`     | 10 | expected a term after 'AND', found 'OR'
            `noir OR OR blanc`      | 9  | expected a term after 'OR', found 'OR'
            `NOT`                   | 4  | expected a term after 'NOT'
            `noir NOT`              | 9  | expected a term after 'NOT'
            `(noir`                 | 6  | missing ')' to close the '(' of column 1
            `((noir) OR blanc`      | 17 | missing ')' to close the '(' of column 1
            `noir)`                 | 5  | unexpected ')' without a matching '('
            `()`                    | 2  | empty parentheses
            `noir ( )`              | 8  | empty parentheses
            `"reste noir`           | 1  | unterminated phrase
            `noir "x`               | 6  | unterminated phrase
            `""`                    | 1  | empty phrase
            `no*ir`                 | 3  | the wildcard * is only allowed at the end of a word
            `*noir`                 | 1  | the wildcard * is only allowed at the end of a word
            `n*`                    | 2  | a wildcard needs at least 2 letters or digits before *
            `*`                     | 1  | a wildcard needs at least 2 letters or digits before *
            `mise-a-jo*`            | 1  | a wildcard applies to one word
            `noir NEAR blanc`       | 6  | NEAR needs a distance in words
            `noir NEAR/ blanc`      | 6  | NEAR needs a distance in words
            `noir NEAR/x blanc`     | 6  | NEAR needs a distance in words
            `noir NEAR/0 blanc`     | 11 | the NEAR distance must be between 1 and 50
            `noir NEAR/51 blanc`    | 11 | the NEAR distance must be between 1 and 50
            `NEAR/3 blanc`          | 1  | expected a term before 'NEAR/3'
            `noir NEAR/3`           | 12 | expected a term after 'NEAR/3'
            `(a OR b) NEAR/3 c`     | 10 | 'NEAR/3' can only join words, prefixes and phrases
            `noir NEAR/3 lang:fr`   | 13 | 'NEAR/3' can only join words, prefixes and phrases
            `foo:bar`               | 1  | unknown field 'foo:'
            `noir https://x.com`    | 6  | unknown field 'https:'
            `author:`               | 8  | expected a value after 'author:'
            `lang: fr`              | 6  | expected a value after 'lang:'
            `network:myspace`       | 9  | unknown network 'myspace'
            `author:j*n`            | 9  | the wildcard * is only allowed at the end of a value
            `!!!`                   | 1  | '!!!' holds no letter, digit or emoji to match
            `noir ) blanc`          | 6  | unexpected ')' without a matching '('
            """)
    void rejects(String query, int column, String reason) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
        assertTrue(e.reason().startsWith(reason), () -> "'" + query + "' gave: " + e.reason());
        assertEquals(column, e.column(), () -> "'" + query + "' gave: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ecran                      | Écran figé, aucune réponse du support
            ecran                      | ECRAN
            naive                      | Naïve question about Nordlys
            coeur                      | J'ai le cœur brisé
            hauptstrasse               | Hauptstraße 5
            sao paulo                  | São Paulo está sem sinal
            """)
    void foldsCaseAndAccents(String query, String text) {
        assertTrue(QueryParser.parse(query).matches(doc(text)), query + " in " + text);
    }

    @org.junit.jupiter.api.Test
    void rejectsTooLongAndTooDeep() {
        assertEquals("the query is longer than 4000 characters",
                assertThrows(QuerySyntaxException.class, () -> QueryParser.parse("a ".repeat(2001))).reason());
        QuerySyntaxException deep = assertThrows(QuerySyntaxException.class,
                () -> QueryParser.parse("(".repeat(40) + "a" + ")".repeat(40)));
        assertEquals(33, deep.column());
        assertTrue(QueryParser.parse("(".repeat(30) + "noir" + ")".repeat(30)).matches(doc(POST)));
    }
}
