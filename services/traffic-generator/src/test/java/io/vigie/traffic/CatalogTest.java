package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written language files: complete, and every template renders to clean text. */
class CatalogTest {

    private final Catalog catalog = Catalog.bundled();
    private final TextRenderer renderer = new TextRenderer(catalog);

    @Test
    void everyLanguageDefinesEverySection() {
        for (Language language : Language.values()) {
            for (String section : Catalog.REQUIRED_SECTIONS) {
                assertTrue(catalog.has(language, section), language.code() + " lacks @" + section);
            }
        }
    }

    @Test
    void everyTemplateRendersWithoutLeftoverSyntax() {
        int rendered = 0;
        for (Language language : Language.values()) {
            for (String section : catalog.sectionNames(language)) {
                if (section.startsWith("lex.") || section.startsWith("names.")) {
                    continue;
                }
                for (Template template : catalog.section(language, section)) {
                    assertNotNull(template.sentiment(), section + ": " + template.source());
                    for (long seed = 0; seed < 6; seed++) {
                        for (ProductLine line : ProductLine.values()) {
                            String text = renderer.render(template, language, Network.X, line, new Rng(seed)).text();
                            String where = language.code() + " @" + section + ": " + text;
                            assertFalse(text.isBlank(), where);
                            assertFalse(text.matches(".*[{}\\[\\]|].*"), "leftover template syntax in " + where);
                            assertFalse(text.contains("  "), "double space in " + where);
                            assertFalse(text.startsWith(" ") || text.endsWith(" "), "untrimmed " + where);
                            rendered++;
                        }
                    }
                }
            }
        }
        assertTrue(rendered > 5000, "rendered " + rendered);
    }

    @Test
    void templatesAreNotCopiedAcrossLanguages() {
        Set<String> english = new HashSet<>();
        for (String section : catalog.sectionNames(Language.EN)) {
            if (!section.startsWith("names.") && !section.startsWith("lex.")) {
                catalog.section(Language.EN, section).forEach(t -> english.add(t.source()));
            }
        }
        for (Language language : Language.values()) {
            if (language == Language.EN) {
                continue;
            }
            for (String section : Catalog.REQUIRED_SECTIONS) {
                if (section.startsWith("names.") || section.startsWith("lex.")) {
                    continue;
                }
                for (Template template : catalog.section(language, section)) {
                    String source = template.source();
                    if (source.length() > 25) {
                        assertFalse(english.contains(source), language.code() + " @" + section + " is English: " + source);
                    }
                }
            }
        }
    }

    @Test
    void crisisTemplatesNameTheAntivirusOrItsSymptoms() {
        for (Language language : Language.values()) {
            for (String section : Set.of("crisis.complaint", "crisis.support", "rss.crisis")) {
                for (Template template : catalog.section(language, section)) {
                    assertTrue(template.source().contains("ShieldPro"), language.code() + " @" + section + ": " + template.source());
                }
            }
        }
    }
}
