package io.vigie.traffic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes individual posts: picks network, topic, product line and template for a conversation start, renders the
 * text, and adds what each network's users add (the care account's @handle, hashtags, device details, a lang hint).
 */
final class PostFactory {

    static final String CRISIS_HASHTAG = "#ShieldProFail";
    static final int X_MAX_LENGTH = 280;

    /** Topic shares per network, in {@link Topic} order. */
    private static final Map<Network, double[]> TOPIC_WEIGHTS = new EnumMap<>(Map.of(
            //                 support purchase config billing praise complaint suggestion security noise
            Network.X, new double[]{.24, .14, .11, .11, .11, .13, .05, .03, .08},
            Network.FACEBOOK, new double[]{.24, .14, .10, .14, .11, .14, .05, .03, .05},
            Network.COMMUNITY, new double[]{.36, .10, .22, .03, .07, .07, .08, .04, .03},
            Network.LINKEDIN, new double[]{.15, .35, .03, .02, .25, .05, .10, .03, .02},
            Network.RSS, new double[]{.15, .30, .05, 0, .30, 0, 0, .10, .10}));

    /** Sentiment shares per topic, in {@link Sentiment} order (positive, neutral, negative). */
    private static final Map<Topic, double[]> SENTIMENT_WEIGHTS = new EnumMap<>(Map.of(
            Topic.TECHNICAL_SUPPORT, new double[]{.05, .50, .45},
            Topic.PURCHASE, new double[]{.20, .75, .05},
            Topic.CONFIGURATION, new double[]{.05, .80, .15},
            Topic.BILLING_DELIVERY, new double[]{0, .40, .60},
            Topic.PRAISE, new double[]{.92, .08, 0},
            Topic.COMPLAINT, new double[]{0, 0, 1},
            Topic.SUGGESTION, new double[]{.30, .60, .10},
            Topic.SECURITY_INCIDENT, new double[]{0, .50, .50},
            Topic.NOISE, new double[]{.30, .70, 0}));

    /** Product line shares per network, in {@link ProductLine} order (consumer, gaming, business). */
    private static final Map<Network, double[]> LINE_WEIGHTS = new EnumMap<>(Map.of(
            Network.X, new double[]{.55, .33, .12},
            Network.FACEBOOK, new double[]{.60, .28, .12},
            Network.COMMUNITY, new double[]{.55, .30, .15},
            Network.LINKEDIN, new double[]{.15, .05, .80},
            Network.RSS, new double[]{.50, .35, .15}));

    private final Catalog catalog;
    private final TextRenderer renderer;
    private final AuthorPool authors;

    PostFactory(Catalog catalog, TextRenderer renderer, AuthorPool authors) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.authors = authors;
    }

    AuthorPool authors() {
        return authors;
    }

    /** A new conversation (baseline traffic) in a given language at a given second. */
    Draft conversationStart(long epochSecond, Language language, Rng rng) {
        Network network = network(language, rng);
        Topic topic = topic(network, language, rng);
        ProductLine line = ProductLine.values()[rng.weighted(LINE_WEIGHTS.get(network))];
        return conversationStart(epochSecond, network, language, topic, line, null, rng);
    }

    /** A post of an injected burst: a new conversation on the burst's subject, in its language. */
    Draft burstStart(long epochSecond, Burst burst, Rng rng) {
        Language language = burst.language();
        Network network = network(language, rng);
        if (network == Network.RSS) {
            network = Network.X;
        }
        Draft d;
        switch (burst.focus()) {
            case CRISIS -> {
                d = crisisStart(epochSecond, network, language, rng);
                return d.withTruth(new GroundTruth(d.truth.topic(), d.truth.sentiment(), true, language, burst.id()));
            }
            case LINE -> d = conversationStart(epochSecond, network, language,
                    rng.chance(0.5) ? Topic.TECHNICAL_SUPPORT : Topic.COMPLAINT, ProductLine.valueOf(burst.subject()),
                    burst.id(), rng);
            case TOPIC -> d = conversationStart(epochSecond, network, language, Topic.valueOf(burst.subject()),
                    ProductLine.values()[rng.weighted(LINE_WEIGHTS.get(network))], burst.id(), rng);
            case HASHTAG -> {
                d = conversationStart(epochSecond, network, language, Topic.COMPLAINT,
                        ProductLine.values()[rng.weighted(LINE_WEIGHTS.get(network))], burst.id(), rng);
                d = d.withText(fitX(network, d.text + " " + burst.subject()));
            }
            default -> throw new IllegalStateException(burst.focus().toString());
        }
        return d;
    }

    private Draft conversationStart(long epochSecond, Network network, Language language, Topic topic,
            ProductLine line, String burst, Rng rng) {
        String section = section(network, topic, language);
        Template template = catalog.pick(language, section, SENTIMENT_WEIGHTS.get(topic), rng);
        TextRenderer.Rendered rendered = renderer.render(template, language, network, line, rng);
        String space = Spaces.choose(network, language, topic, line, rendered.text(), rng);
        String text = decorate(rendered, network, space, topic, line, language, rng);
        Mention.Author author = authors.pick(network, language, rng);
        GroundTruth truth = new GroundTruth(topic, template.sentiment(), false, language, burst);
        return new Draft(epochSecond, network, language, line, space, author, text, langHint(network, language, rng), truth, null, null);
    }

    /**
     * A reply of the given kind in an existing conversation, avoiding the templates already used in the thread
     * (a topic-specific section such as {@code reply.metoo.billing} is preferred when the language has one).
     */
    Draft reply(long epochSecond, Draft parent, ReplyKind kind, Mention.Author author, Set<Template> usedInThread, Rng rng) {
        Draft root = parent.threadRoot();
        ProductLine line = root.line;
        Topic topic = root.truth.topic();
        String specific = kind.section() + "." + (topic == Topic.CONFIGURATION ? Topic.TECHNICAL_SUPPORT : topic).section();
        List<Template> candidates = catalog.section(root.language, catalog.has(root.language, specific) ? specific : kind.section());
        Template template = rng.pick(candidates);
        for (int attempt = 0; attempt < 8 && usedInThread.contains(template); attempt++) {
            template = rng.pick(candidates);
        }
        usedInThread.add(template);
        TextRenderer.Rendered rendered = renderer.render(template, root.language, root.network, line, rng);
        String text = addressed(rendered.text(), parent, author, root.network);
        GroundTruth truth = new GroundTruth(root.truth.topic(), template.sentiment(), root.truth.crisis(), root.language);
        return new Draft(epochSecond, root.network, root.language, line, root.space, author, text,
                langHint(root.network, root.language, rng), truth, root, parent);
    }

    /** A post of the injected crisis: a new complaint or question, or a news item on RSS. */
    Draft crisisStart(long epochSecond, Network network, Language language, Rng rng) {
        ProductLine line = ProductLine.values()[rng.weighted(new double[]{.55, .30, .15})];
        String section = network == Network.RSS ? "rss.crisis" : rng.chance(0.55) ? "crisis.complaint" : "crisis.support";
        Template template = rng.pick(catalog.section(language, section));
        TextRenderer.Rendered rendered = renderer.render(template, language, network, line, rng);
        Topic topic = section.equals("crisis.complaint") || (network == Network.RSS && template.sentiment() == Sentiment.NEGATIVE)
                ? Topic.COMPLAINT : Topic.TECHNICAL_SUPPORT;
        String space;
        if (network == Network.X) {
            double r = rng.nextDouble();
            space = r < 0.5 ? Spaces.choose(Network.X, language, Topic.COMPLAINT, ProductLine.CONSUMER, "", rng) : r < 0.6 ? "x:@Nordlys" : null;
        } else {
            space = Spaces.choose(network, language, topic, line, rendered.text(), rng);
        }
        String text = rendered.text();
        if (network != Network.RSS && !text.contains(CRISIS_HASHTAG) && rng.chance(0.5)) {
            text = text + " " + CRISIS_HASHTAG;
        }
        text = withHandle(text, network, space, rng);
        Mention.Author author = authors.pick(network, language, rng);
        GroundTruth truth = new GroundTruth(topic, template.sentiment(), true, language);
        return new Draft(epochSecond, network, language, line, space, author, fitX(network, text), langHint(network, language, rng), truth, null, null);
    }

    /** A crisis post answering an earlier one ("same here"). */
    Draft crisisReply(long epochSecond, Draft parent, Rng rng) {
        Draft root = parent.threadRoot();
        String section = rng.chance(0.7) ? "crisis.metoo" : "crisis.support";
        Template template = rng.pick(catalog.section(root.language, section));
        ProductLine line = ProductLine.values()[rng.weighted(new double[]{.55, .30, .15})];
        TextRenderer.Rendered rendered = renderer.render(template, root.language, root.network, line, rng);
        Mention.Author author = authors.pickOther(root.network, root.language, rng, parent.author, root.author);
        String text = addressed(rendered.text(), parent, author, root.network);
        Topic topic = section.equals("crisis.support") ? Topic.TECHNICAL_SUPPORT : Topic.COMPLAINT;
        GroundTruth truth = new GroundTruth(topic, template.sentiment(), true, root.language);
        return new Draft(epochSecond, root.network, root.language, line, root.space, author, text,
                langHint(root.network, root.language, rng), truth, root, parent);
    }

    private Network network(Language language, Rng rng) {
        Network[] networks = Network.values();
        double[] weights = new double[networks.length];
        for (int i = 0; i < networks.length; i++) {
            double affinity = 1.0;
            if (networks[i] == Network.LINKEDIN) {
                affinity = switch (language) {
                    case EN -> 1.0;
                    case DE, FR, NL -> 0.8;
                    default -> 0.35;
                };
            }
            weights[i] = networks[i].share() * affinity;
        }
        return networks[rng.weighted(weights)];
    }

    private Topic topic(Network network, Language language, Rng rng) {
        Topic[] topics = Topic.values();
        double[] weights = TOPIC_WEIGHTS.get(network).clone();
        if (network == Network.RSS) {
            for (int i = 0; i < topics.length; i++) {
                if (!catalog.has(language, "rss." + topics[i].section())) {
                    weights[i] = 0;
                }
            }
        }
        return topics[rng.weighted(weights)];
    }

    private String section(Network network, Topic topic, Language language) {
        if (network == Network.RSS) {
            return "rss." + topic.section();
        }
        if (network == Network.LINKEDIN && catalog.has(language, "linkedin." + topic.section())) {
            return "linkedin." + topic.section();
        }
        return topic.section();
    }

    private String decorate(TextRenderer.Rendered rendered, Network network, String space, Topic topic, ProductLine line,
                            Language language, Rng rng) {
        String text = rendered.text();
        if (network == Network.COMMUNITY && (topic == Topic.TECHNICAL_SUPPORT || topic == Topic.CONFIGURATION)
                && rendered.values().containsKey("product") && rng.chance(0.4)) {
            text = text + "\n\n" + rendered.values().get("product") + " · BIOS 1." + rng.between(0, 2) + "." + rng.between(3, 14)
                    + " · NordOS 12.0." + rng.between(1, 6);
        }
        if ((network == Network.X || network == Network.FACEBOOK) && topic != Topic.NOISE && rng.chance(network == Network.X ? 0.3 : 0.12)) {
            String tag = hashtag(topic, line, language, rng);
            if (tag != null && !text.contains(tag)) {
                text = text + " " + tag;
            }
        }
        if (network == Network.X && topic == Topic.TECHNICAL_SUPPORT && rng.chance(0.08)) {
            text = text + " " + (rng.chance(0.5) ? "https://youtu.be/" + rng.base62(11) : "https://imgur.com/a/" + rng.base62(7));
        }
        return fitX(network, withHandle(text, network, space, rng));
    }

    private String hashtag(Topic topic, ProductLine line, Language language, Rng rng) {
        if (line == ProductLine.GAMING && rng.chance(0.4)) {
            return rng.chance(0.6) ? "#NordlysForge" : "#PCgaming";
        }
        String kind = switch (topic) {
            case TECHNICAL_SUPPORT, CONFIGURATION, SECURITY_INCIDENT -> "support";
            case COMPLAINT, BILLING_DELIVERY -> "complaint";
            case PRAISE -> "praise";
            default -> null;
        };
        if (kind == null) {
            return rng.chance(0.5) ? "#Nordlys" : null;
        }
        List<String> tags = catalog.entries(language, "lex.tag." + kind);
        return rng.pick(tags);
    }

    /** On X, a post captured in a care account's space mentions that account. */
    private static String withHandle(String text, Network network, String space, Rng rng) {
        String handle = Spaces.xHandle(space);
        if (network != Network.X || handle == null || text.contains(handle)) {
            return text;
        }
        return rng.chance(0.65) ? handle + " " + text : text + " " + handle;
    }

    /** X replies start with the @handle of the post they answer. */
    private static String addressed(String text, Draft parent, Mention.Author author, Network network) {
        if (network != Network.X) {
            return text;
        }
        String prefix = parent.author.id().equals(author.id()) ? "" : parent.author.handle() + " ";
        return fitX(network, prefix + text);
    }

    /** Keeps X posts within 280 characters, cutting at a word boundary. */
    static String fitX(Network network, String text) {
        if (network != Network.X || text.length() <= X_MAX_LENGTH) {
            return text;
        }
        String cut = text.substring(0, X_MAX_LENGTH - 1);
        int space = cut.lastIndexOf(' ');
        return (space > 200 ? cut.substring(0, space) : cut) + "…";
    }

    /** The network's language hint: usual on X and RSS, rare on Facebook, absent on the forum. */
    private static String langHint(Network network, Language language, Rng rng) {
        double chance = switch (network) {
            case X -> 0.8;
            case FACEBOOK -> 0.15;
            case LINKEDIN -> 0.5;
            case COMMUNITY -> 0.0;
            case RSS -> 0.85;
        };
        if (!rng.chance(chance)) {
            return null;
        }
        return network == Network.X && rng.chance(0.03) ? "und" : language.code();
    }
}
