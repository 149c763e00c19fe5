package io.vigie.traffic;

import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Gives each post, in emission order, an id and URL in its network's style: X snowflakes, Facebook
 * {@code page_post} and {@code post_comment} ids, LinkedIn activity URNs, forum message numbers, blog guids.
 */
final class IdFactory {

    private static final long TWITTER_EPOCH_MS = 1288834974657L;
    private static final DateTimeFormatter BLOG_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    static final String COMMUNITY_BASE = "https://community.nordlys.example";

    private final Rng rng;
    private long sequence;
    private long facebookPost = 1_029_384_756_102_938L;
    private long facebookComment = 2_103_948_576_102_938L;
    private long communityMessage = 4_812_000L;
    private long communityTopic = 231_500L;
    private long blogPost = 48_213L;

    IdFactory(Rng rng) {
        this.rng = rng;
    }

    /** Sets {@code id} and {@code url} of a draft whose thread root (if any) was already emitted. */
    void assign(Draft draft) {
        long millis = draft.epochSecond * 1000 + rng.nextInt(1000);
        sequence++;
        Draft root = draft.threadRoot();
        switch (draft.network) {
            case X -> {
                long id = ((millis - TWITTER_EPOCH_MS) << 22) | ((long) rng.nextInt(1024) << 12) | (sequence & 0xFFF);
                draft.id = Long.toString(id);
                draft.url = "https://x.com/" + draft.author.handle().substring(1) + "/status/" + draft.id;
            }
            case FACEBOOK -> {
                String page = Spaces.facebookPage(draft.space);
                if (!draft.isReply()) {
                    facebookPost += rng.between(1, 40_000);
                    draft.networkNumber = facebookPost;
                    draft.id = Spaces.facebookPageId(draft.space) + "_" + facebookPost;
                    draft.url = "https://www.facebook.com/" + page + "/posts/" + facebookPost;
                } else {
                    facebookComment += rng.between(1, 5_000);
                    draft.id = root.networkNumber + "_" + facebookComment;
                    draft.url = rng.chance(0.7)
                            ? "https://www.facebook.com/" + page + "/posts/" + root.networkNumber + "?comment_id=" + facebookComment
                            : null;
                }
            }
            case LINKEDIN -> {
                long activity = (millis << 22) | (sequence & 0x3FFFFF);
                if (!draft.isReply()) {
                    draft.networkNumber = activity;
                    draft.id = "urn:li:activity:" + activity;
                    draft.url = "https://www.linkedin.com/feed/update/urn:li:activity:" + activity + "/";
                } else {
                    draft.id = "urn:li:comment:(activity:" + root.networkNumber + "," + activity + ")";
                    draft.url = null;
                }
            }
            case COMMUNITY -> {
                communityMessage += rng.between(1, 6);
                if (!draft.isReply()) {
                    communityTopic += rng.between(1, 4);
                    draft.networkNumber = communityTopic;
                }
                draft.id = Long.toString(communityMessage);
                draft.url = COMMUNITY_BASE + "/t/" + root.networkNumber + "/" + (root.postsEmitted + 1);
            }
            case RSS -> {
                blogPost += rng.between(3, 60);
                String domain = AuthorPool.blogDomain(draft.author);
                draft.id = "https://" + domain + "/?p=" + blogPost;
                draft.url = "https://" + domain + "/" + BLOG_DATE.format(Instant.ofEpochSecond(draft.epochSecond)) + "/" + slug(draft.text) + "/";
            }
        }
        root.postsEmitted++;
    }

    /** URL slug of a headline: lower case ASCII words joined by dashes, at most about 70 characters. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 70) {
            slug = slug.substring(0, 70);
            int dash = slug.lastIndexOf('-');
            if (dash > 30) {
                slug = slug.substring(0, dash);
            }
        }
        return slug;
    }
}
