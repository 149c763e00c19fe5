package io.vigie.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Meta webhook notifications ({@code object} page or instagram, {@code entry[]} with {@code changes[]} or
 * {@code messaging[]}): Facebook page feed posts and comments, Instagram comments, Messenger and Instagram messages.
 */
@ApplicationScoped
public class MetaPayloadMapper {

    /** Every item of the notification, in order; throws {@link InvalidPostException} when it is not a Meta notification. */
    public List<NetworkItem> items(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("entry").isArray() || Json.text(root, "object") == null) {
            throw new InvalidPostException("not a Meta webhook notification: expected {\"object\": ..., \"entry\": [...]}");
        }
        String object = Json.text(root, "object");
        List<NetworkItem> items = new ArrayList<>();
        for (JsonNode entry : root.get("entry")) {
            String owner = Json.text(entry, "id");
            if (!object.equals("page") && !object.equals("instagram")) {
                items.add(new NetworkItem.Rejected("meta:" + owner, "unsupported Meta object '" + object + "'", entry.toString()));
                continue;
            }
            String network = object.equals("page") ? "facebook" : "instagram";
            for (JsonNode change : entry.path("changes")) {
                items.add(change(network, owner, entry, change));
            }
            for (JsonNode message : entry.path("messaging")) {
                items.add(message(network, owner, message));
            }
            if (!entry.has("changes") && !entry.has("messaging")) {
                items.add(new NetworkItem.Rejected(network + ":" + owner, "entry without changes or messaging", entry.toString()));
            }
        }
        return items;
    }

    private static NetworkItem change(String network, String owner, JsonNode entry, JsonNode change) {
        String field = Json.text(change, "field");
        JsonNode v = change.path("value");
        String raw = change.toString();
        if ("feed".equals(field) && network.equals("facebook")) {
            String item = Json.text(v, "item");
            String verb = Json.text(v, "verb");
            String id = "comment".equals(item) ? Json.text(v, "comment_id") : Json.text(v, "post_id");
            String key = "facebook:" + id;
            if (!"comment".equals(item) && !"post".equals(item) && !"status".equals(item) && !"photo".equals(item)
                    && !"video".equals(item)) {
                return new NetworkItem.Ignored("feed item '" + item + "' is not a post or a comment");
            }
            if ("remove".equals(verb) || "hide".equals(verb)) {
                return new NetworkItem.Rejected(key, "deleted or hidden " + item + " (verb " + verb + "): no Mention for deletions",
                        raw);
            }
            if (id == null) {
                return new NetworkItem.Rejected("facebook:" + owner, "feed " + item + " without an id", raw);
            }
            String text = Json.text(v, "message");
            if (text == null) {
                return new NetworkItem.Rejected(key, item + " " + id + " has no text (message)", raw);
            }
            if (owner != null && owner.equals(Json.text(v, "from", "id"))) {
                return new NetworkItem.Ignored("the page's own " + item);
            }
            String postId = Json.text(v, "post_id");
            String parent = Json.text(v, "parent_id");
            String created = v.has("created_time") ? Json.epoch(v, "created_time") : Json.epoch(entry, "time");
            ReplayPost.ReplayAuthor author = author(Json.text(v, "from", "id"), Json.text(v, "from", "name"));
            return new NetworkItem.Post(new ReplayPost("facebook", id, "facebook:" + owner, postId,
                    "comment".equals(item) ? (parent != null ? parent : postId) : null, author, text, null, created,
                    "https://www.facebook.com/" + id), raw);
        }
        if ("comments".equals(field) && network.equals("instagram")) {
            String id = Json.text(v, "id");
            if (id == null) {
                return new NetworkItem.Rejected("instagram:" + owner, "Instagram comment without an id", raw);
            }
            String text = Json.text(v, "text");
            if (text == null) {
                return new NetworkItem.Rejected("instagram:" + id, "Instagram comment " + id + " has no text", raw);
            }
            String media = Json.text(v, "media", "id");
            String parent = Json.text(v, "parent_id");
            ReplayPost.ReplayAuthor author = author(Json.text(v, "from", "id"), Json.text(v, "from", "username"));
            return new NetworkItem.Post(new ReplayPost("instagram", id, "instagram:" + owner, media,
                    parent != null ? parent : media, author, text, null, Json.epoch(entry, "time"), null), raw);
        }
        return new NetworkItem.Ignored("Meta field '" + field + "' carries no post");
    }

    private static NetworkItem message(String network, String owner, JsonNode m) {
        String raw = m.toString();
        JsonNode message = m.path("message");
        String mid = Json.text(message, "mid");
        if (!m.has("message")) {
            return new NetworkItem.Ignored("messaging event without a message (delivery, read, reaction)");
        }
        if (message.path("is_echo").asBoolean(false)) {
            return new NetworkItem.Ignored("echo of the page's own message");
        }
        if (mid == null) {
            return new NetworkItem.Rejected(network + ":" + owner, "message without a mid", raw);
        }
        if (message.path("is_deleted").asBoolean(false)) {
            return new NetworkItem.Rejected(network + ":" + mid, "deleted message: no Mention for deletions", raw);
        }
        String text = Json.text(message, "text");
        if (text == null) {
            return new NetworkItem.Rejected(network + ":" + mid, "message " + mid + " has no text (attachment only)", raw);
        }
        String sender = Json.text(m, "sender", "id");
        return new NetworkItem.Post(new ReplayPost(network, mid, network + ":" + owner, "dm-" + sender, null,
                author(sender, null), text, null, Json.epoch(m, "timestamp"), null), raw);
    }

    private static ReplayPost.ReplayAuthor author(String id, String handle) {
        return id == null ? null : new ReplayPost.ReplayAuthor(id, handle, null, null);
    }
}
