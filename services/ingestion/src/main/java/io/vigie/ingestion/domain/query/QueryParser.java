package io.vigie.ingestion.domain.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the watchlist query language into a {@link Query}.
 *
 * <pre>
 * query   := or
 * or      := and ( "OR" and )*
 * and     := unary ( ["AND"] unary )*          adjacent terms are joined by AND
 * unary   := "NOT" unary | near
 * near    := primary ( "NEAR/"n primary )*      n in 1..50; joins words, prefixes, phrases
 * primary := "(" or ")" | word | word* | "exact phrase" | field ":" ( value | value* | "quoted value" )
 * field   := author | lang | network | space
 * </pre>
 * Operators are upper case; lower-case {@code and}, {@code or}, {@code not} are plain words. Every error
 * names the column where the mistake is.
 */
public final class QueryParser {

    /** Longest accepted query, in characters. */
    public static final int MAX_LENGTH = 4_000;
    /** Deepest accepted nesting of parentheses and NOTs. */
    public static final int MAX_DEPTH = 32;
    /** Largest NEAR distance. */
    public static final int MAX_NEAR = 50;
    /** Networks accepted by {@code network:}. */
    public static final Set<String> NETWORKS = Set.of("x", "facebook", "instagram", "linkedin", "community", "rss");

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, NEAR, TERM, PHRASE, FIELD, EOF }

    /** A lexical token: its kind, text (for FIELD the field name), value (FIELD) and 0-based offset. */
    private record Token(Kind kind, String text, int offset, int near, Token value) {
        boolean startsTerm() {
            return kind == Kind.LPAREN || kind == Kind.NOT || kind == Kind.TERM || kind == Kind.PHRASE || kind == Kind.FIELD;
        }

        String shown() {
            return switch (kind) {
                case EOF -> "the end of the query";
                case NEAR -> "'NEAR/" + near + "'";
                case PHRASE -> "'\"" + text + "\"'";
                case FIELD -> "'" + text + ":'";
                default -> "'" + text + "'";
            };
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private QueryParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    /** Parses {@code query}; throws {@link QuerySyntaxException} with the column of the first mistake. */
    public static Query parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QuerySyntaxException("the query is empty", 0);
        }
        if (query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException("the query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        QueryParser parser = new QueryParser(query);
        Query q = parser.or();
        Token rest = parser.peek();
        if (rest.kind == Kind.RPAREN) {
            throw new QuerySyntaxException("unexpected ')' without a matching '('", rest.offset);
        }
        if (rest.kind != Kind.EOF) {
            throw new QuerySyntaxException("unexpected " + rest.shown(), rest.offset);
        }
        return q;
    }

    // ---- grammar --------------------------------------------------------------------------------

    private Query or() {
        List<Query> parts = new ArrayList<>();
        parts.add(and());
        while (peek().kind == Kind.OR) {
            Token op = next();
            requireTerm(op);
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Query.Or(List.copyOf(parts));
    }

    private Query and() {
        List<Query> parts = new ArrayList<>();
        parts.add(unary());
        while (true) {
            Token t = peek();
            if (t.kind == Kind.AND) {
                next();
                requireTerm(t);
                parts.add(unary());
            } else if (t.startsTerm()) {
                parts.add(unary());
            } else {
                break;
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Query.And(List.copyOf(parts));
    }

    private Query unary() {
        Token t = peek();
        if (t.kind == Kind.NOT) {
            next();
            requireTerm(t);
            enter(t);
            Query inner = unary();
            depth--;
            return new Query.Not(inner);
        }
        return near();
    }

    private Query near() {
        Query left = primary();
        while (peek().kind == Kind.NEAR) {
            Token op = next();
            if (!(left instanceof Query.Spanning l)) {
                throw new QuerySyntaxException(op.shown() + " can only join words, prefixes and phrases", op.offset);
            }
            requireTerm(op);
            Token rightStart = peek();
            Query right = primary();
            if (!(right instanceof Query.Spanning r)) {
                throw new QuerySyntaxException(op.shown() + " can only join words, prefixes and phrases", rightStart.offset);
            }
            left = new Query.Near(l, r, op.near);
        }
        return left;
    }

    private Query primary() {
        Token t = next();
        switch (t.kind) {
            case LPAREN -> {
                if (peek().kind == Kind.RPAREN) {
                    throw new QuerySyntaxException("empty parentheses", peek().offset);
                }
                enter(t);
                Query inner = or();
                depth--;
                Token close = next();
                if (close.kind != Kind.RPAREN) {
                    throw new QuerySyntaxException("missing ')' to close the '(' of column " + (t.offset + 1)
                            + ", found " + close.shown(), close.offset);
                }
                return inner;
            }
            case TERM -> {
                return term(t.text, t.offset);
            }
            case PHRASE -> {
                return phrase(t.text, t.offset);
            }
            case FIELD -> {
                return field(t);
            }
            case RPAREN -> throw new QuerySyntaxException("unexpected ')': expected a term", t.offset);
            case AND, OR, NEAR -> throw new QuerySyntaxException("expected a term before " + t.shown(), t.offset);
            default -> throw new QuerySyntaxException("expected a term at " + t.shown(), t.offset);
        }
    }

    private void requireTerm(Token operator) {
        Token t = peek();
        if (!t.startsTerm()) {
            throw new QuerySyntaxException("expected a term after " + operator.shown() + ", found " + t.shown(), t.offset);
        }
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException("the query is nested more than " + MAX_DEPTH + " levels deep", t.offset);
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (t.kind != Kind.EOF) {
            index++;
        }
        return t;
    }

    // ---- terms ----------------------------------------------------------------------------------

    private static Query term(String raw, int offset) {
        int star = raw.indexOf('*');
        if (star >= 0) {
            if (star != raw.length() - 1) {
                throw new QuerySyntaxException("the wildcard * is only allowed at the end of a word", offset + star);
            }
            List<String> words = TextNormalizer.words(raw.substring(0, star));
            if (words.size() > 1) {
                throw new QuerySyntaxException("a wildcard applies to one word; '" + raw + "' holds " + words.size(), offset);
            }
            if (words.isEmpty() || words.get(0).codePointCount(0, words.get(0).length()) < 2) {
                throw new QuerySyntaxException("a wildcard needs at least 2 letters or digits before *", offset + star);
            }
            return new Query.Prefix(words.get(0));
        }
        List<String> words = TextNormalizer.words(raw);
        if (words.isEmpty()) {
            throw new QuerySyntaxException("'" + raw + "' holds no letter, digit or emoji to match", offset);
        }
        return words.size() == 1 ? new Query.Word(words.get(0)) : new Query.Phrase(List.copyOf(words));
    }

    private static Query phrase(String content, int offset) {
        List<String> words = TextNormalizer.words(content);
        if (words.isEmpty()) {
            throw new QuerySyntaxException("empty phrase: put words between the quotes", offset);
        }
        return words.size() == 1 ? new Query.Word(words.get(0)) : new Query.Phrase(List.copyOf(words));
    }

    private static Query field(Token t) {
        Query.FieldName name = Query.FieldName.valueOf(t.text.toUpperCase(Locale.ROOT));
        Token v = t.value;
        String raw = v.text.strip();
        boolean prefix = v.kind == Kind.TERM && raw.endsWith("*");
        if (v.kind == Kind.TERM && raw.indexOf('*') >= 0 && raw.indexOf('*') != raw.length() - 1) {
            throw new QuerySyntaxException("the wildcard * is only allowed at the end of a value", v.offset + raw.indexOf('*'));
        }
        String value = TextNormalizer.fold(prefix ? raw.substring(0, raw.length() - 1) : raw);
        if (name == Query.FieldName.AUTHOR && value.startsWith("@")) {
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            throw new QuerySyntaxException("expected a value after '" + t.text + ":'", v.offset);
        }
        if (name == Query.FieldName.NETWORK && !prefix && !NETWORKS.contains(value)) {
            throw new QuerySyntaxException("unknown network '" + raw + "'; one of " + NETWORKS.stream().sorted().toList(),
                    v.offset);
        }
        return new Query.Field(name, value, prefix);
    }

    // ---- lexer ----------------------------------------------------------------------------------

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++, 0, null));
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++, 0, null));
            } else if (c == '"') {
                int end = closingQuote(s, i);
                out.add(new Token(Kind.PHRASE, s.substring(i + 1, end), i, 0, null));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(s.charAt(i)) && "()\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String run = s.substring(start, i);
                int colon = run.indexOf(':');
                if (run.equals("AND") || run.equals("OR") || run.equals("NOT")) {
                    out.add(new Token(Kind.valueOf(run), run, start, 0, null));
                } else if (run.equals("NEAR") || run.startsWith("NEAR/")) {
                    out.add(new Token(Kind.NEAR, run, start, nearDistance(run, start), null));
                } else if (colon > 0 && run.substring(0, colon).chars().allMatch(Character::isLetter)) {
                    String name = run.substring(0, colon).toLowerCase(Locale.ROOT);
                    if (!List.of("author", "lang", "network", "space").contains(name)) {
                        throw new QuerySyntaxException("unknown field '" + run.substring(0, colon)
                                + ":'; the fields are author:, lang:, network: and space: (quote the text to search for it)",
                                start);
                    }
                    Token value;
                    if (colon == run.length() - 1) {
                        if (i < n && s.charAt(i) == '"') {
                            int end = closingQuote(s, i);
                            value = new Token(Kind.PHRASE, s.substring(i + 1, end), i + 1, 0, null);
                            i = end + 1;
                        } else {
                            throw new QuerySyntaxException("expected a value after '" + run + "'", i);
                        }
                    } else {
                        value = new Token(Kind.TERM, run.substring(colon + 1), start + colon + 1, 0, null);
                    }
                    out.add(new Token(Kind.FIELD, name, start, 0, value));
                } else {
                    out.add(new Token(Kind.TERM, run, start, 0, null));
                }
            }
        }
        out.add(new Token(Kind.EOF, "", n, 0, null));
        return out;
    }

    private static int closingQuote(String s, int open) {
        int end = s.indexOf('"', open + 1);
        if (end < 0) {
            throw new QuerySyntaxException("unterminated phrase: the '\"' of column " + (open + 1) + " is never closed", open);
        }
        return end;
    }

    private static int nearDistance(String run, int offset) {
        String digits = run.length() > 5 ? run.substring(5) : "";
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 3) {
            throw new QuerySyntaxException("NEAR needs a distance in words, e.g. NEAR/3", offset);
        }
        int d = Integer.parseInt(digits);
        if (d < 1 || d > MAX_NEAR) {
            throw new QuerySyntaxException("the NEAR distance must be between 1 and " + MAX_NEAR, offset + 5);
        }
        return d;
    }
}
