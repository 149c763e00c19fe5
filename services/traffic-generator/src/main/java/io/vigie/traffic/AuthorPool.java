package io.vigie.traffic;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The people (and blogs) who post: one pool per network and language, drawn so that a few authors post often,
 * followers are heavy-tailed (few big accounts) and some big accounts are verified. Authors are built lazily and
 * deterministically from the seed and their index in the pool.
 */
final class AuthorPool {

    private static final List<String> NICKNAMES = List.of(
            "pixel", "forge", "byte", "aurora", "kernel", "volt", "tux", "fjord", "nerd", "loot", "frame", "qwerty");

    private final Catalog catalog;
    private final long seed;
    private final Map<Network, Map<Language, Integer>> sizes = new EnumMap<>(Network.class);
    private final Map<String, Mention.Author> cache = new HashMap<>();
    private final Map<Network, Set<String>> usedHandles = new EnumMap<>(Network.class);
    private final Map<Network, Set<String>> usedIds = new EnumMap<>(Network.class);

    /**
     * @param expectedPosts expected number of baseline posts in the run, used to size the pools so authors repeat
     */
    AuthorPool(Catalog catalog, long seed, double expectedPosts) {
        this.catalog = catalog;
        this.seed = seed;
        for (Network network : Network.values()) {
            Map<Language, Integer> perLanguage = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                double expected = expectedPosts * network.share() * language.share();
                int size = (int) Math.max(30, Math.min(5_000_000, expected * 0.45));
                perLanguage.put(language, size);
            }
            sizes.put(network, perLanguage);
            usedHandles.put(network, new HashSet<>());
            usedIds.put(network, new HashSet<>());
        }
    }

    /** A random author, skewed towards the frequent posters at the head of the pool. */
    Mention.Author pick(Network network, Language language, Rng rng) {
        if (network == Network.RSS) {
            List<String> blogs = catalog.entries(language, "names.blog");
            return blog(language, blogs.get(rng.nextInt(blogs.size())));
        }
        int size = sizes.get(network).get(language);
        int index = (int) (size * StrictMath.pow(rng.nextDouble(), 1.6));
        return author(network, language, Math.min(index, size - 1));
    }

    /** One of the three most active members of a pool: the community experts who answer others. */
    Mention.Author expert(Network network, Language language, Rng rng) {
        return author(network, language, rng.nextInt(3));
    }

    /** A random author different from the given ones. */
    Mention.Author pickOther(Network network, Language language, Rng rng, Mention.Author... not) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Mention.Author candidate = pick(network, language, rng);
            boolean clash = false;
            for (Mention.Author a : not) {
                clash |= a != null && a.id().equals(candidate.id());
            }
            if (!clash) {
                return candidate;
            }
        }
        return author(network, language, sizes.get(network).get(language) - 1 - rng.nextInt(10));
    }

    private Mention.Author blog(Language language, String entry) {
        String key = "rss/" + entry;
        Mention.Author cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        String[] parts = entry.split("\\|");
        String name = parts[0].strip();
        String domain = parts[1].strip();
        Rng rng = Rng.derive(seed, 11, Rng.hash(domain));
        Long followers = rng.chance(0.3) ? (long) Math.min(2_000_000, rng.pareto(300, 1.2)) : null;
        Mention.Author author = new Mention.Author("rss:" + domain, name, followers, false);
        cache.put(key, author);
        return author;
    }

    /** The domain of a blog author ({@code rss:<domain>}). */
    static String blogDomain(Mention.Author author) {
        return author.id().substring("rss:".length());
    }

    private Mention.Author author(Network network, Language language, int index) {
        String key = network.ordinal() + "/" + language.ordinal() + "/" + index;
        Mention.Author cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Rng rng = Rng.derive(seed, 10, network.ordinal(), language.ordinal(), index);
        List<String> firsts = catalog.entries(language, "names.first");
        List<String> lasts = catalog.entries(language, "names.last");
        String first = rng.pick(firsts);
        String last = rng.pick(lasts);
        if (language == Language.SK && first.endsWith("a")) {
            last = feminineSlovak(last);
        }
        String handle = unique(usedHandles.get(network), handle(network, fold(first), fold(last), rng), rng, network);
        String id = uniqueId(network, rng);
        Long followers = followers(network, index, rng);
        boolean verified = verified(network, followers, rng);
        Mention.Author author = new Mention.Author(id, handle, followers, verified);
        cache.put(key, author);
        return author;
    }

    private String handle(Network network, String first, String last, Rng rng) {
        String f = first.toLowerCase(Locale.ROOT);
        String l = last.toLowerCase(Locale.ROOT);
        return switch (network) {
            case X -> "@" + truncate(switch (rng.nextInt(6)) {
                case 0 -> f + l;
                case 1 -> f + "_" + l;
                case 2 -> f + l.charAt(0) + rng.between(10, 99);
                case 3 -> l + f.charAt(0);
                case 4 -> f + rng.between(1, 9999);
                default -> f + "_" + rng.pick(NICKNAMES);
            }, 15);
            case FACEBOOK -> rng.chance(0.6) ? f + "." + l : f + "." + l + "." + rng.between(1, 99);
            case LINKEDIN -> f + "-" + l + "-" + Long.toHexString(rng.nextLong() & 0xFFFFFFL);
            case COMMUNITY -> switch (rng.nextInt(4)) {
                case 0 -> TextRenderer.capitalize(f) + Character.toUpperCase(l.charAt(0));
                case 1 -> f + "_" + l;
                case 2 -> rng.pick(NICKNAMES) + "_" + f;
                default -> TextRenderer.capitalize(rng.pick(NICKNAMES)) + rng.between(1, 999);
            };
            case RSS -> throw new IllegalStateException("blogs are not people");
        };
    }

    private static String truncate(String handle, int max) {
        return handle.length() <= max ? handle : handle.substring(0, max);
    }

    private String unique(Set<String> used, String handle, Rng rng, Network network) {
        String candidate = handle;
        while (!used.add(candidate.toLowerCase(Locale.ROOT))) {
            String suffix = Integer.toString(rng.between(1, 999));
            String base = network == Network.X ? truncate(handle, 15 - suffix.length()) : handle;
            candidate = base + suffix;
        }
        return candidate;
    }

    private String uniqueId(Network network, Rng rng) {
        String id;
        do {
            id = switch (network) {
                case X -> rng.digits(rng.between(9, 19));
                case FACEBOOK -> "1000" + rng.digits(11);
                case LINKEDIN -> "urn:li:person:" + rng.base62(10);
                case COMMUNITY -> Integer.toString(rng.between(1000, 9_999_999));
                case RSS -> throw new IllegalStateException("blogs are not people");
            };
        } while (!usedIds.get(network).add(id));
        return id;
    }

    private static Long followers(Network network, int index, Rng rng) {
        // Mostly small accounts, plus a few public figures (journalists, creators) with a much heavier tail.
        boolean publicFigure = rng.chance(0.025);
        double value = switch (network) {
            case X -> Math.min(40_000_000, publicFigure ? rng.pareto(8_000, 0.9) : rng.pareto(25, 1.15));
            case FACEBOOK -> Math.min(5_000_000, publicFigure ? rng.pareto(5_000, 1.0) : rng.pareto(40, 1.5));
            case LINKEDIN -> Math.min(3_000_000, publicFigure ? rng.pareto(10_000, 1.1) : rng.pareto(80, 1.3));
            case COMMUNITY -> Math.min(20_000, rng.pareto(1, 1.0) - 1 + (index < 3 ? 150 : 0));
            case RSS -> 0;
        };
        return (long) value;
    }

    private static boolean verified(Network network, long followers, Rng rng) {
        return switch (network) {
            case X -> rng.chance(followers >= 100_000 ? 0.7 : followers >= 10_000 ? 0.2 : 0.02);
            case FACEBOOK -> rng.chance(followers >= 50_000 ? 0.5 : 0.002);
            case LINKEDIN -> rng.chance(0.15);
            case COMMUNITY, RSS -> false;
        };
    }

    private static String feminineSlovak(String surname) {
        if (surname.endsWith("a") || surname.endsWith("o")) {
            return surname.substring(0, surname.length() - 1) + "ová";
        }
        return surname + "ová";
    }

    /** ASCII handle material from a name: accents dropped, spaces and apostrophes removed. */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name.replace("ß", "ss"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]", "");
    }
}
