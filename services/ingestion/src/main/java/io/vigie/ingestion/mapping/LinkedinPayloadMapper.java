package io.vigie.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads LinkedIn organization social actions: webhook notifications
 * ({@code {"type": "ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS", "notifications": [...]}}) and the
 * {@code elements} of {@code GET /rest/socialActions/{post}/comments}. Comments of a post share its thread.
 */
@ApplicationScoped
public class LinkedinPayloadMapper {

    /** Items of a webhook delivery; throws {@link InvalidPostException} when it is not one. */
    public List<NetworkItem> notifications(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("notifications").isArray()) {
            throw new InvalidPostException("not a LinkedIn notification payload: expected {\"type\": ..., \"notifications\": [...]}");
        }
        List<NetworkItem> items = new ArrayList<>();
        for (JsonNode n : root.get("notifications")) {
            items.add(notification(n));
        }
        return items;
    }

    private static NetworkItem notification(JsonNode n) {
        String action = Json.text(n, "action");
        String raw = n.toString();
        String id = Json.text(n, "generatedActivity");
        String org = Json.text(n, "organizationalEntity");
        if (action == null) {
            return new NetworkItem.Rejected("linkedin:" + Json.text(n, "notificationId"), "notification without an action", raw);
        }
        switch (action) {
            case "LIKE", "SHARE" -> {
                return new NetworkItem.Ignored("LinkedIn " + action + " carries no text");
            }
            case "ADMIN_COMMENT" -> {
                return new NetworkItem.Ignored("the organization's own comment");
            }
            case "COMMENT_DELETE" -> {
                return new NetworkItem.Rejected("linkedin:" + id, "deleted comment: no Mention for deletions", raw);
            }
            default -> {
                // COMMENT, COMMENT_EDIT, SHARE_MENTION
            }
        }
        if (id == null) {
            return new NetworkItem.Rejected("linkedin:" + Json.text(n, "notificationId"), action + " without generatedActivity", raw);
        }
        JsonNode activity = n.path("decoratedGeneratedActivity");
        JsonNode body = activity.has("comment") ? activity.get("comment") : activity.path("share");
        String text = Json.text(body, "text");
        if (text == null) {
            text = Json.text(body, "fullText");
        }
        if (text == null) {
            return new NetworkItem.Rejected("linkedin:" + id, action + " " + id + " has no text", raw);
        }
        String actor = Json.text(body, "entity");
        if (actor == null) {
            actor = Json.text(n, "actor");
        }
        String post = Json.text(n, "sourcePost");
        return new NetworkItem.Post(new ReplayPost("linkedin", id, org == null ? null : "linkedin:" + org,
                post == null ? id : post, post, actor == null ? null : new ReplayPost.ReplayAuthor(actor, null, null, null),
                text, null, Json.epoch(n, "lastModifiedAt"), null), raw);
    }

    /** Items of one page of {@code socialActions/{post}/comments}. */
    public List<NetworkItem> comments(String organization, JsonNode page) {
        List<NetworkItem> items = new ArrayList<>();
        for (JsonNode c : page.path("elements")) {
            String raw = c.toString();
            String id = Json.text(c, "commentUrn");
            if (id == null) {
                id = Json.text(c, "$URN");
            }
            if (id == null) {
                items.add(new NetworkItem.Rejected("linkedin:unknown", "comment without commentUrn", raw));
                continue;
            }
            String actor = Json.text(c, "actor");
            if (organization != null && organization.equals(actor)) {
                items.add(new NetworkItem.Ignored("the organization's own comment"));
                continue;
            }
            String text = Json.text(c, "message", "text");
            if (text == null) {
                items.add(new NetworkItem.Rejected("linkedin:" + id, "comment " + id + " has no message text", raw));
                continue;
            }
            String object = Json.text(c, "object");
            String parent = Json.text(c, "parentComment");
            items.add(new NetworkItem.Post(new ReplayPost("linkedin", id, organization == null ? null : "linkedin:" + organization,
                    object, parent != null ? parent : object,
                    actor == null ? null : new ReplayPost.ReplayAuthor(actor, null, null, null), text, null,
                    Json.epoch(c.path("created"), "time"), null), raw));
        }
        return items;
    }
}
