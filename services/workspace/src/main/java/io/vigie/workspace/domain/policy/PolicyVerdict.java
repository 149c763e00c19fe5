package io.vigie.workspace.domain.policy;

import java.util.List;

/**
 * The policy's answer on a draft: allowed when no rule is broken.
 *
 * @param allowed          whether the draft may be posted without a supervisor's override
 * @param violations       every rule broken, in the order found
 * @param detectedLanguage the language the draft seems written in, or null when too short to tell
 */
public record PolicyVerdict(boolean allowed, List<PolicyViolation> violations, String detectedLanguage) {

    /** Compact canonical constructor: allowed iff there is no violation. */
    public PolicyVerdict {
        violations = violations == null ? List.of() : List.copyOf(violations);
        allowed = violations.isEmpty();
    }

    /** The rules broken, without duplicates. */
    public List<String> rules() {
        return violations.stream().map(PolicyViolation::rule).distinct().toList();
    }
}
