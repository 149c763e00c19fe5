package io.vigie.traffic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans the conversation that follows a post: who answers (other customers, community experts, the original
 * author coming back), in which order and how long after, so threads read like real exchanges and often end with
 * the customer's own verdict ("that did it, thanks!" or "still broken").
 */
final class ThreadPlanner {

    private final PostFactory posts;

    ThreadPlanner(PostFactory posts) {
        this.posts = posts;
    }

    /** The replies to a conversation start, in time order (possibly none). */
    List<Draft> plan(Draft root, Rng rng) {
        Topic topic = root.truth.topic();
        double threadChance = switch (root.network) {
            case X -> 0.35;
            case FACEBOOK -> 0.40;
            case COMMUNITY -> 0.75;
            case LINKEDIN -> 0.25;
            case RSS -> 0.0;
        };
        if (topic == Topic.NOISE || !rng.chance(threadChance)) {
            return List.of();
        }
        int length = 1;
        while (length < 8 && rng.chance(0.55)) {
            length++;
        }
        List<Draft> replies = new ArrayList<>(length);
        AuthorPool authors = posts.authors();
        Draft lastAsker = root;
        Draft lastAnswer = null;
        long time = root.epochSecond;
        Set<Template> usedTemplates = new HashSet<>();
        Set<String> voices = new HashSet<>();
        ReplyKind kind = first(topic, rng);
        for (int i = 0; i < length && kind != null; i++) {
            Mention.Author author;
            Draft parent;
            if (kind == ReplyKind.TIP || kind == ReplyKind.ANSWER) {
                author = root.network != Network.LINKEDIN && rng.chance(0.6)
                        ? authors.expert(root.network, root.language, rng)
                        : authors.pickOther(root.network, root.language, rng, root.author);
                if (author.id().equals(root.author.id())) {
                    author = authors.pickOther(root.network, root.language, rng, root.author);
                }
                parent = lastAsker;
            } else if (kind.byAsker()) {
                author = root.author;
                parent = lastAnswer != null ? lastAnswer : root;
            } else {
                // Each "me too" or "agree" comes from someone new in the thread.
                author = authors.pickOther(root.network, root.language, rng, root.author);
                for (int attempt = 0; attempt < 5 && voices.contains(author.id()); attempt++) {
                    author = authors.pickOther(root.network, root.language, rng, root.author);
                }
                parent = root;
            }
            voices.add(author.id());
            time += gapSeconds(root.network, rng);
            Draft reply = posts.reply(time, parent, kind, author, usedTemplates, rng);
            replies.add(reply);
            if (kind.byAsker()) {
                lastAsker = reply;
            } else if (kind == ReplyKind.TIP || kind == ReplyKind.ANSWER) {
                lastAnswer = reply;
            }
            kind = next(kind, topic, rng);
        }
        return replies;
    }

    private static boolean supportLike(Topic topic) {
        return topic == Topic.TECHNICAL_SUPPORT || topic == Topic.CONFIGURATION || topic == Topic.SECURITY_INCIDENT;
    }

    private static ReplyKind first(Topic topic, Rng rng) {
        if (supportLike(topic)) {
            double r = rng.nextDouble();
            return r < 0.55 ? ReplyKind.TIP : r < 0.80 ? ReplyKind.METOO : ReplyKind.DETAIL;
        }
        return switch (topic) {
            case PURCHASE -> ReplyKind.ANSWER;
            case BILLING_DELIVERY, COMPLAINT -> rng.chance(0.6) ? ReplyKind.METOO : ReplyKind.STILL;
            case PRAISE, SUGGESTION -> ReplyKind.AGREE;
            default -> null;
        };
    }

    private static ReplyKind next(ReplyKind previous, Topic topic, Rng rng) {
        double r = rng.nextDouble();
        if (previous == ReplyKind.THANKS) {
            return null;
        }
        if (previous == ReplyKind.AGREE) {
            return r < 0.5 ? ReplyKind.AGREE : null;
        }
        if (topic == Topic.PURCHASE) {
            return switch (previous) {
                case ANSWER -> r < 0.45 ? ReplyKind.THANKS : r < 0.8 ? ReplyKind.ANSWER : ReplyKind.DETAIL;
                default -> ReplyKind.ANSWER;
            };
        }
        if (supportLike(topic)) {
            return switch (previous) {
                case TIP -> r < 0.40 ? ReplyKind.THANKS : r < 0.65 ? ReplyKind.STILL : r < 0.85 ? ReplyKind.DETAIL : ReplyKind.METOO;
                case DETAIL -> r < 0.7 ? ReplyKind.TIP : ReplyKind.METOO;
                case METOO -> r < 0.5 ? ReplyKind.TIP : r < 0.8 ? ReplyKind.METOO : ReplyKind.STILL;
                case STILL -> r < 0.6 ? ReplyKind.TIP : ReplyKind.METOO;
                default -> ReplyKind.TIP;
            };
        }
        return switch (previous) {
            case METOO -> r < 0.5 ? ReplyKind.METOO : r < 0.8 ? ReplyKind.STILL : ReplyKind.THANKS;
            default -> r < 0.5 ? ReplyKind.METOO : r < 0.8 ? ReplyKind.THANKS : ReplyKind.STILL;
        };
    }

    /** Delay before the next message: log-normal, minutes on X, hours on LinkedIn. */
    private static long gapSeconds(Network network, Rng rng) {
        double medianMinutes = switch (network) {
            case X -> 6;
            case FACEBOOK -> 25;
            case COMMUNITY -> 45;
            case LINKEDIN -> 90;
            case RSS -> 60;
        };
        return Math.max(20, Math.round(rng.logNormal(medianMinutes * 60, 0.9)));
    }
}
