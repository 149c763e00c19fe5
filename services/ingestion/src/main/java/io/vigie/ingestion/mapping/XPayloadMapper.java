package io.vigie.ingestion.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads X API v2 posts: a filtered-stream line ({@code data}, {@code includes.users}, {@code matching_rules}) or a
 * page of {@code /2/users/{id}/mentions} ({@code data[]}, {@code includes.users}, {@code meta}). An edited post keeps
 * the id of its first version ({@code edit_history_tweet_ids[0]}), so an edit is absorbed as a duplicate.
 */
@ApplicationScoped
public class XPayloadMapper {

    /** Items of one stream line or one page; {@code space} is the brand space to attach (may be null). */
    public List<NetworkItem> items(JsonNode root, String space) {
        if (root == null || !root.isObject()) {
            throw new InvalidPostException("not an X API object");
        }
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode u : root.path("includes").path("users")) {
            users.put(Json.text(u, "id"), u);
        }
        List<NetworkItem> items = new ArrayList<>();
        JsonNode data = root.get("data");
        if (data == null) {
            if (root.has("errors")) {
                items.add(new NetworkItem.Rejected("x:errors", "X reported errors: " + root.get("errors"), root.toString()));
            } else if (!root.has("meta")) {
                items.add(new NetworkItem.Rejected("x:unknown", "X object without data", root.toString()));
            }
            return items;
        }
        if (data.isArray()) {
            for (JsonNode post : data) {
                items.add(post(post, users, space));
            }
        } else {
            items.add(post(data, users, space));
        }
        return items;
    }

    private static NetworkItem post(JsonNode p, Map<String, JsonNode> users, String space) {
        String raw = p.toString();
        String id = Json.text(p, "id");
        if (id == null) {
            return new NetworkItem.Rejected("x:unknown", "post without an id", raw);
        }
        JsonNode history = p.path("edit_history_tweet_ids");
        String original = history.isArray() && history.size() > 0 ? history.get(0).asText() : id;
        String text = Json.text(p, "text");
        if (text == null) {
            return new NetworkItem.Rejected("x:" + original, "post " + id + " has no text", raw);
        }
        String inReplyTo = null;
        for (JsonNode ref : p.path("referenced_tweets")) {
            if ("replied_to".equals(Json.text(ref, "type"))) {
                inReplyTo = Json.text(ref, "id");
            }
        }
        String authorId = Json.text(p, "author_id");
        JsonNode user = authorId == null ? null : users.get(authorId);
        String handle = user == null ? null : Json.text(user, "username");
        Long followers = user == null || !user.path("public_metrics").has("followers_count") ? null
                : user.path("public_metrics").path("followers_count").asLong();
        Boolean verified = user == null || !user.has("verified") ? null : user.get("verified").asBoolean();
        String lang = Json.text(p, "lang");
        return new NetworkItem.Post(new ReplayPost("x", original, space, Json.text(p, "conversation_id"), inReplyTo,
                authorId == null ? null : new ReplayPost.ReplayAuthor(authorId, handle == null ? null : "@" + handle, followers, verified),
                text, "und".equals(lang) ? null : lang, Json.text(p, "created_at"),
                "https://x.com/" + (handle == null ? "i/web" : handle) + "/status/" + original), raw);
    }
}
