package io.vigie.scoring.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /v1/score}.
 *
 * @param text       the post's text (required, up to 10,000 characters)
 * @param langHint   the language the network announced, used only when identification is undecided
 * @param followers  the author's followers, for influence and urgency (optional)
 * @param verified   whether the author is verified (optional)
 */
public record ScoreRequest(
        @NotBlank(message = "text is required") @Size(max = 10_000, message = "text is longer than 10000 characters") String text,
        @Size(max = 8, message = "langHint is not a language code") String langHint,
        @PositiveOrZero(message = "followers must not be negative") Long followers,
        Boolean verified) {
}
