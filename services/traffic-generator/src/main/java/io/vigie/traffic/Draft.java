package io.vigie.traffic;

/**
 * A post waiting in the time-ordered queue: everything but its id and URL, which are given at emission time so they
 * grow with time as real network ids do. Replies point to their thread root and parent drafts.
 */
final class Draft {

    final long epochSecond;
    final Network network;
    final Language language;
    final ProductLine line;
    final String space;
    final Mention.Author author;
    final String text;
    final String langHint;
    final GroundTruth truth;
    final Draft root;
    final Draft parent;

    /** Order of creation, breaks ties between posts of the same second. */
    long seq;
    /** Assigned at emission. */
    String id;
    String url;
    /** Network-specific numbers given at emission: Facebook post id, LinkedIn activity, community topic. */
    long networkNumber;
    /** Number of posts of this thread emitted so far (roots only). */
    int postsEmitted;

    Draft(long epochSecond, Network network, Language language, ProductLine line, String space, Mention.Author author, String text,
          String langHint, GroundTruth truth, Draft root, Draft parent) {
        this.epochSecond = epochSecond;
        this.network = network;
        this.language = language;
        this.line = line;
        this.space = space;
        this.author = author;
        this.text = text;
        this.langHint = langHint;
        this.truth = truth;
        this.root = root;
        this.parent = parent;
    }

    /** The same root draft with another ground truth (a burst's post). */
    Draft withTruth(GroundTruth newTruth) {
        return new Draft(epochSecond, network, language, line, space, author, text, langHint, newTruth, root, parent);
    }

    /** The same root draft with another text. */
    Draft withText(String newText) {
        return new Draft(epochSecond, network, language, line, space, author, newText, langHint, truth, root, parent);
    }

    boolean isReply() {
        return parent != null;
    }

    /** The first post of the conversation this draft belongs to. */
    Draft threadRoot() {
        return root == null ? this : root;
    }
}
