package io.vigie.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Slot filling, alternatives, capitalisation and the small grammar fixes of the renderer. */
class TextRendererTest {

    private final TextRenderer renderer = new TextRenderer(Catalog.bundled());

    @Test
    void repeatedSlotsKeepTheirValueAndProduct2Differs() {
        Template template = Template.compile(Sentiment.NEGATIVE, "{days} days. {days}! {product} vs {product2}");
        for (long seed = 0; seed < 50; seed++) {
            TextRenderer.Rendered r = renderer.render(template, Language.EN, Network.COMMUNITY, ProductLine.GAMING, new Rng(seed));
            String days = r.values().get("days");
            assertTrue(r.text().startsWith(days + " days. " + days + "!"), r.text());
            assertNotEquals(strip(r.values().get("product")), strip(r.values().get("product2")), r.text());
        }
    }

    private static String strip(String model) {
        return model.replace("Nordlys ", "");
    }

    @Test
    void alternativesAndCapitalisedSlotsVary() {
        Template template = Template.compile(Sentiment.NEUTRAL, "[Hi|Hey|Hello], {Billing}.");
        Set<String> openings = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            String text = renderer.render(template, Language.EN, Network.X, ProductLine.CONSUMER, new Rng(seed)).text();
            openings.add(text.substring(0, text.indexOf(',')));
            assertTrue(Character.isUpperCase(text.charAt(text.indexOf(", ") + 2)), text);
        }
        assertEquals(Set.of("Hi", "Hey", "Hello"), openings);
    }

    @Test
    void emptyEmojiLeavesNoDoubleSpace() {
        Template template = Template.compile(Sentiment.NEGATIVE, "Broken again {e} #fail");
        for (long seed = 0; seed < 40; seed++) {
            String text = renderer.render(template, Language.EN, Network.LINKEDIN, ProductLine.CONSUMER, new Rng(seed)).text();
            assertTrue(text.equals("Broken again #fail") || text.matches("Broken again \\S+ #fail"), text);
        }
    }

    @Test
    void frenchAndItalianArticlesElideBeforeAero() {
        assertEquals("J'hésite entre l'Aero 14 et le Forge 15, pour d'Aero ou à l'Aero.",
                TextRenderer.elide(Language.FR, "J'hésite entre le Aero 14 et le Forge 15, pour de Aero ou au Aero."));
        assertEquals("L'Aero 14 sarà in offerta? Sull'Aero la RAM...",
                TextRenderer.elide(Language.IT, "Il Aero 14 sarà in offerta? Sull'Aero la RAM..."));
        assertEquals("Dell'Aero, dell'Aero 16", TextRenderer.elide(Language.IT, "Dell'Aero, del Aero 16"));
        assertEquals("Un modèle Aero", TextRenderer.elide(Language.FR, "Un modèle Aero"));
        assertEquals("the Aero 14", TextRenderer.elide(Language.EN, "the Aero 14"));
    }
}
