package io.vigie.workspace.domain.policy;

import java.util.List;
import java.util.Set;

/**
 * What the public-reply policy looks at: the draft and the conversation it answers.
 *
 * @param text              the draft reply
 * @param replyLanguage     the language the agent declares for the reply (null: the customer's)
 * @param customerLanguage  the customer's language (ISO 639-1, or und)
 * @param replySpace        the brand account the reply would be posted from (null: the conversation's)
 * @param conversationSpace the brand space the customer spoke in
 * @param inReplyTo         the post answered
 * @param answeredPosts     posts that already have a public reply
 * @param customerTexts     what the customer wrote, to spot personal data echoed back
 */
public record PolicyInput(
        String text,
        String replyLanguage,
        String customerLanguage,
        String replySpace,
        String conversationSpace,
        String inReplyTo,
        Set<String> answeredPosts,
        List<String> customerTexts) {

    /** Compact canonical constructor: never a null collection or text. */
    public PolicyInput {
        text = text == null ? "" : text;
        answeredPosts = answeredPosts == null ? Set.of() : Set.copyOf(answeredPosts);
        customerTexts = customerTexts == null ? List.of() : List.copyOf(customerTexts);
    }

    /** A draft checked on its text and language only. */
    public static PolicyInput ofText(String text, String language) {
        return new PolicyInput(text, language, language, null, null, null, Set.of(), List.of());
    }
}
