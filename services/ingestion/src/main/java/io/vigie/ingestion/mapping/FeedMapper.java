package io.vigie.ingestion.mapping;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads RSS 0.9x/1.0/2.0 and Atom feeds (Rome, DOCTYPEs refused) into posts: title and summary as text, link as url. */
@ApplicationScoped
public class FeedMapper {

    /** Every entry of the feed at {@code feedUrl}; throws {@link InvalidPostException} when the body is not a feed. */
    public List<NetworkItem> items(String feedUrl, byte[] body, Instant fetchedAt) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new InvalidPostException("not an RSS or Atom feed: " + e.getMessage());
        }
        List<NetworkItem> items = new ArrayList<>();
        for (SyndEntry e : feed.getEntries()) {
            String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri() : e.getLink();
            String text = join(e.getTitle(), summary(e));
            String raw = "{\"feed\":\"" + feedUrl + "\",\"id\":\"" + id + "\",\"title\":\"" + String.valueOf(e.getTitle()).replace("\"", "'") + "\"}";
            if (id == null || id.isBlank()) {
                items.add(new NetworkItem.Rejected("rss:" + feedUrl, "feed entry without a guid, id or link", raw));
                continue;
            }
            if (text.isBlank()) {
                items.add(new NetworkItem.Rejected("rss:" + id, "feed entry without a title or summary", raw));
                continue;
            }
            Instant created = e.getPublishedDate() != null ? e.getPublishedDate().toInstant()
                    : e.getUpdatedDate() != null ? e.getUpdatedDate().toInstant() : fetchedAt;
            String author = e.getAuthor() == null || e.getAuthor().isBlank() ? null : e.getAuthor().strip();
            items.add(new NetworkItem.Post(new ReplayPost("rss", id, "rss:" + feedUrl, id, null,
                    author == null ? null : new ReplayPost.ReplayAuthor(author, author, null, null), text,
                    feed.getLanguage(), created.toString(), e.getLink()), raw));
        }
        return items;
    }

    private static String summary(SyndEntry e) {
        SyndContent d = e.getDescription();
        if (d != null && d.getValue() != null) {
            return d.getValue();
        }
        return e.getContents().isEmpty() ? null : e.getContents().get(0).getValue();
    }

    private static String join(String title, String summary) {
        String t = title == null ? "" : title.strip();
        String s = summary == null ? "" : summary.replaceAll("<[^>]+>", " ").replaceAll("&nbsp;", " ").replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? s : s.isEmpty() ? t : t + "\n" + s;
    }
}
