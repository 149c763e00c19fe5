package io.vigie.ingestion.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigie.ingestion.domain.query.QueryParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Watchlist queries and the X stream rule each becomes (empty: no rule). */
class XRuleTranslatorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            nordlys                                  | nordlys
            Écran noir                               | (ecran noir)
            `"mise à jour"`                          | `"mise a jour"`
            nordlys OR nordlis                       | (nordlys OR nordlis)
            nordlys NOT spam                         | (nordlys -spam)
            nordlys NOT (spam OR promo)              | (nordlys -(spam OR promo))
            ecran NEAR/3 noir                        | (ecran noir)
            nordly* AND ecran                        | ecran
            nordly*                                  | ``
            nordly* OR ecran                         | ``
            NOT spam                                 | ``
            author:@JaneDoe ecran                    | (from:janedoe ecran)
            lang:pt-BR tela                          | (lang:pt tela)
            network:x nordlys                        | nordlys
            network:facebook nordlys                 | ``
            space:x:@nordlyscare nordlys             | nordlys
            nordlys NOT ecran*                       | ``
            or                                       | `"or"`
            """)
    void translates(String query, String rule) {
        assertEquals(rule == null ? "" : rule, XRuleTranslator.translate(QueryParser.parse(query)).orElse(""));
    }
}
