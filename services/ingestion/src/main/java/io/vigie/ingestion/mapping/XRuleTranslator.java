package io.vigie.ingestion.mapping;

import io.vigie.ingestion.domain.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates a watchlist query into an X filtered-stream rule that matches at least what the query matches (X has no
 * proximity or prefix operator): NEAR becomes AND, a prefix or a {@code space:} test is dropped from an AND, and a
 * query that cannot be widened safely (a prefix alone, under NOT or in an OR) gets no rule. Watchlist matching runs
 * again on every post received, so the tags stay exact.
 */
public final class XRuleTranslator {

    /** Longest rule the X API accepts on the common access levels. */
    public static final int MAX_RULE = 512;

    private XRuleTranslator() {
    }

    /** The rule, or empty when the query cannot be expressed (or only matches other networks). */
    public static Optional<String> translate(Query q) {
        String rule = rule(q, false);
        if (rule == null || rule.isBlank() || rule.startsWith("-") || rule.length() > MAX_RULE) {
            return Optional.empty();
        }
        return Optional.of(rule);
    }

    /** null = "cannot express"; "" = "always true here" (dropped). */
    private static String rule(Query q, boolean negated) {
        if (q instanceof Query.Word w) {
            return quoteIfNeeded(w.word());
        }
        if (q instanceof Query.Phrase p) {
            return "\"" + String.join(" ", p.words()) + "\"";
        }
        if (q instanceof Query.Prefix) {
            return negated ? null : "";
        }
        if (q instanceof Query.Near n) {
            String l = rule(n.left(), negated);
            String r = rule(n.right(), negated);
            return l == null || r == null ? null : join(List.of(l, r), " ");
        }
        if (q instanceof Query.Field f) {
            return switch (f.field()) {
                case AUTHOR -> f.prefix() ? (negated ? null : "") : "from:" + f.value();
                case LANG -> f.prefix() ? (negated ? null : "") : "lang:" + f.value().split("-")[0];
                case NETWORK -> f.prefix() || f.value().equals("x") ? "" : null;
                case SPACE -> negated ? null : "";
            };
        }
        if (q instanceof Query.Not n) {
            String inner = rule(n.part(), !negated);
            if (inner == null || inner.isEmpty()) {
                return null;
            }
            return "-" + (inner.contains(" ") && !inner.startsWith("(") && !inner.startsWith("\"") ? "(" + inner + ")" : inner);
        }
        if (q instanceof Query.And a) {
            List<String> parts = new ArrayList<>();
            for (Query p : a.parts()) {
                String r = rule(p, negated);
                if (r == null) {
                    return null;
                }
                if (!r.isEmpty()) {
                    parts.add(r);
                }
            }
            // Negations alone are not a valid X rule: at least one positive term is needed.
            return parts.stream().allMatch(s -> s.startsWith("-")) ? null : join(parts, " ");
        }
        if (q instanceof Query.Or o) {
            List<String> parts = new ArrayList<>();
            for (Query p : o.parts()) {
                String r = rule(p, negated);
                if (r == null || r.isEmpty()) {
                    return null;
                }
                parts.add(r);
            }
            return "(" + String.join(" OR ", parts) + ")";
        }
        return null;
    }

    private static String join(List<String> parts, String sep) {
        List<String> nonEmpty = parts.stream().filter(s -> !s.isEmpty()).toList();
        if (nonEmpty.isEmpty()) {
            return "";
        }
        return nonEmpty.size() == 1 ? nonEmpty.get(0) : "(" + String.join(sep, nonEmpty) + ")";
    }

    private static String quoteIfNeeded(String word) {
        return word.equals("or") || word.equals("and") ? "\"" + word + "\"" : word;
    }
}
