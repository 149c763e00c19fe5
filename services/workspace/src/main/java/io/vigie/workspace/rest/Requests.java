package io.vigie.workspace.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;

/** The bodies the workspace API accepts; bad ones answer 400 with the broken constraints. */
public final class Requests {

    private Requests() {
    }

    /** A reply to post publicly; {@code override} is a supervisor's reason to post despite the policy. */
    public record ReplyRequest(@NotBlank @Size(max = 5000) String text,
            @Pattern(regexp = "[a-z]{2}") String language,
            @Size(max = 300) String space,
            @Size(max = 300) String inReplyTo,
            @Size(min = 5, max = 500) String override) {
    }

    /** A draft to check against the policy, optionally in the context of a conversation. */
    public record PolicyCheckRequest(@Size(max = 300) String conversationId, @NotNull @Size(max = 5000) String text,
            @Pattern(regexp = "[a-z]{2}|und") String language, @Size(max = 300) String space,
            @Size(max = 300) String inReplyTo) {
    }

    /** A transfer to one agent of the centre, or (supervisors) to another centre. */
    public record TransferRequest(@Pattern(regexp = "[A-Za-z0-9._@-]{1,200}") String toAgent,
            @Pattern(regexp = "[a-z0-9-]{1,64}") String toCentre, @Size(max = 500) String reason) {
    }

    /** An internal note. */
    public record NoteRequest(@NotBlank @Size(max = 5000) String text) {
    }

    /** A label. */
    public record LabelRequest(@NotNull @Pattern(regexp = "[\\p{L}0-9 _-]{1,64}") String label) {
    }

    /** An escalation to an internal team, with the context they need. */
    public record EscalateRequest(@NotNull @Pattern(regexp = "support|marketing|b2b") String team,
            @NotBlank @Size(max = 5000) String context) {
    }

    /** Taking a conversation back from a team, with what they said. */
    public record TakeBackRequest(@Size(max = 5000) String outcome) {
    }

    /** The caller's presence. */
    public record PresenceRequest(@NotNull @Pattern(regexp = "online|away|offline") String status,
            List<@Pattern(regexp = "[a-z]{2}") String> languages,
            List<@Pattern(regexp = "[a-z0-9_-]{1,64}") String> skills,
            @Min(0) @Max(100) Integer capacity) {
    }

    /** A canned reply to add. */
    public record CannedRequest(@NotNull @Pattern(regexp = "[a-z]{2}") String language,
            @NotBlank @Size(max = 120) String title, @NotBlank @Size(max = 5000) String body) {
    }

    /** Rights to grant an expert on a space. */
    public record GrantRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9._@-]{1,200}") String expert,
            @NotBlank @Size(max = 300) String space,
            @NotEmpty Set<@Pattern(regexp = "answer|accept|hide") String> rights) {
    }
}
