package io.vigie.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads Discourse webhooks: {@code X-Discourse-Event} (post_created, post_edited, post_destroyed, topic_*, ping...)
 * with a body {@code {"post": {...}}} or {@code {"topic": {...}}}. Posts of a topic share the thread {@code topic-<id>}.
 */
@ApplicationScoped
public class DiscoursePayloadMapper {

    /** The item of one delivery; throws {@link InvalidPostException} when the body is not a Discourse payload. */
    public List<NetworkItem> items(String event, String instance, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InvalidPostException("not a Discourse webhook payload: expected a JSON object");
        }
        if (event == null || event.isBlank()) {
            throw new InvalidPostException("missing header X-Discourse-Event");
        }
        if (root.has("ping") || event.equals("ping")) {
            return List.of(new NetworkItem.Ignored("ping"));
        }
        JsonNode post = root.get("post");
        if (post == null || !post.isObject()) {
            return List.of(new NetworkItem.Ignored("event '" + event + "' carries no post (topics arrive with their first post)"));
        }
        String raw = root.toString();
        String id = Json.text(post, "id");
        String key = "community:" + id;
        if (id == null) {
            return List.of(new NetworkItem.Rejected("community:unknown", "post without an id", raw));
        }
        if (event.equals("post_destroyed") || Json.text(post, "deleted_at") != null) {
            return List.of(new NetworkItem.Rejected(key, "deleted post (" + event + "): no Mention for deletions", raw));
        }
        if (!event.equals("post_created") && !event.equals("post_edited") && !event.equals("post_recovered")) {
            return List.of(new NetworkItem.Ignored("post event '" + event + "' is not a new or edited post"));
        }
        String text = Json.text(post, "raw");
        if (text == null) {
            String cooked = Json.text(post, "cooked");
            text = cooked == null ? null : cooked.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        }
        if (text == null || text.isEmpty()) {
            return List.of(new NetworkItem.Rejected(key, "post " + id + " has no text (raw or cooked)", raw));
        }
        String topic = Json.text(post, "topic_id");
        if (topic == null) {
            return List.of(new NetworkItem.Rejected(key, "post " + id + " has no topic_id", raw));
        }
        String replyTo = Json.text(post, "reply_to_post_number");
        String category = Json.text(post, "category_id");
        String base = instance == null ? "" : instance.replaceAll("/+$", "");
        String slug = Json.text(post, "topic_slug");
        String url = base.isEmpty() ? null : base + "/t/" + (slug == null ? "-" : slug) + "/" + topic + "/"
                + Json.text(post, "post_number");
        boolean staff = post.path("staff").asBoolean(false) || post.path("admin").asBoolean(false)
                || post.path("moderator").asBoolean(false);
        ReplayPost.ReplayAuthor author = Json.text(post, "user_id") == null ? null
                : new ReplayPost.ReplayAuthor(Json.text(post, "user_id"), Json.text(post, "username"), null, staff);
        return List.of(new NetworkItem.Post(new ReplayPost("community", id,
                category == null ? "community" : "community:category-" + category, "topic-" + topic,
                replyTo == null ? null : "topic-" + topic + "#" + replyTo, author, text, null,
                Json.text(post, "created_at"), url), raw));
    }
}
