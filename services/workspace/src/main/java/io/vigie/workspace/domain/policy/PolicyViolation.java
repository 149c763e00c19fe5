package io.vigie.workspace.domain.policy;

/**
 * One reason a draft reply may not be posted publicly.
 *
 * @param rule    the rule broken (see {@link ReplyPolicy} constants)
 * @param excerpt the part of the draft that breaks it, if any
 * @param start   offset of the excerpt in the draft, or -1
 * @param end     end offset (exclusive) of the excerpt, or -1
 */
public record PolicyViolation(String rule, String excerpt, int start, int end) {

    /** A violation that does not point at a part of the text. */
    public static PolicyViolation of(String rule, String excerpt) {
        return new PolicyViolation(rule, excerpt, -1, -1);
    }
}
