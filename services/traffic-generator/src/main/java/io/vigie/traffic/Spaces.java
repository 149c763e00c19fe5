package io.vigie.traffic;

import java.util.Map;

/**
 * The brand's spaces where posts are captured ({@code x:@NordlysCare_FR}, {@code facebook:nordlys.de},
 * {@code community:board-gaming}...), chosen from network, language and subject; organic posts have none.
 */
final class Spaces {

    private static final Map<Language, String> X_CARE = Map.of(
            Language.EN, "@NordlysCare", Language.FR, "@NordlysCare_FR", Language.DE, "@NordlysCare_DE",
            Language.ES, "@NordlysCare_ES", Language.PT, "@NordlysCare_BR", Language.IT, "@NordlysCare_IT",
            Language.NL, "@NordlysCare", Language.SK, "@NordlysCare");

    private static final Map<Language, String> FACEBOOK_PAGE = Map.of(
            Language.EN, "nordlys", Language.FR, "nordlys.fr", Language.DE, "nordlys.de", Language.ES, "nordlys.es",
            Language.PT, "nordlys.br", Language.IT, "nordlys.it", Language.NL, "nordlys.nl", Language.SK, "nordlys");

    private static final Map<Language, String> COMMUNITY_BOARD = Map.of(
            Language.EN, "board-laptops", Language.FR, "board-francais", Language.DE, "board-deutsch",
            Language.ES, "board-espanol", Language.PT, "board-portugues", Language.IT, "board-italiano",
            Language.NL, "board-nederlands", Language.SK, "board-slovensky");

    /** Numeric ids of the Facebook pages, used in post ids ({@code <pageId>_<postId>}). */
    private static final Map<String, String> FACEBOOK_PAGE_IDS = Map.of(
            "nordlys", "104728391822", "nordlys.fr", "108273645190", "nordlys.de", "101938475620",
            "nordlys.es", "106650918273", "nordlys.br", "109384756201", "nordlys.it", "102837465019",
            "nordlys.nl", "107162534980", "nordlysforge", "113049586712");

    private Spaces() {
    }

    /** The space a new conversation is captured in, or {@code null} for an organic keyword match. */
    static String choose(Network network, Language language, Topic topic, ProductLine line, String text, Rng rng) {
        String prefix = network.wireName() + ":";
        return switch (network) {
            case X -> {
                if (topic == Topic.NOISE) {
                    yield rng.chance(0.3) ? prefix + "@Nordlys" : null;
                }
                double r = rng.nextDouble();
                if (line == ProductLine.GAMING && r < 0.35) {
                    yield prefix + "@NordlysForge";
                }
                if (r < 0.70) {
                    yield prefix + X_CARE.get(language);
                }
                if (r < 0.78) {
                    yield prefix + "@Nordlys";
                }
                yield null;
            }
            case FACEBOOK -> prefix + (line == ProductLine.GAMING && rng.chance(0.4) ? "nordlysforge" : FACEBOOK_PAGE.get(language));
            case COMMUNITY -> {
                if (text.contains("ShieldPro") || topic == Topic.SECURITY_INCIDENT) {
                    yield prefix + "board-security";
                }
                if (line == ProductLine.GAMING && rng.chance(0.7)) {
                    yield prefix + "board-gaming";
                }
                if (line == ProductLine.BUSINESS && rng.chance(0.6)) {
                    yield prefix + "board-business";
                }
                if (text.contains("NordOS") && rng.chance(0.6)) {
                    yield prefix + "board-nordos";
                }
                if (language != Language.EN && rng.chance(0.4)) {
                    yield prefix + "board-laptops";
                }
                yield prefix + COMMUNITY_BOARD.get(language);
            }
            case LINKEDIN -> rng.chance(0.9) ? prefix + "nordlys-business" : null;
            case RSS -> prefix + (text.contains("Forge") ? "gaming-news" : "techblogs");
        };
    }

    /** The X handle in a space id, or {@code null} when the space is not an X account. */
    static String xHandle(String space) {
        return space != null && space.startsWith("x:@") ? space.substring(2) : null;
    }

    /** Numeric page id for a Facebook space. */
    static String facebookPageId(String space) {
        String page = space.substring("facebook:".length());
        return FACEBOOK_PAGE_IDS.getOrDefault(page, "104728391822");
    }

    /** Page slug of a Facebook space, as in its URL. */
    static String facebookPage(String space) {
        return space.substring("facebook:".length());
    }
}
