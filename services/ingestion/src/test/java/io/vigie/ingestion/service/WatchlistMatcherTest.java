package io.vigie.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.ingestion.domain.WatchlistRecord;
import io.vigie.ingestion.domain.query.MatchDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tagging with many watchlists, and its speed. Rerun the measurement with more load:
 * {@code ./mvnw -o -pl services/ingestion test -Dtest=WatchlistMatcherTest -Dbench.watchlists=1000 -Dbench.mentions=50000}.
 */
class WatchlistMatcherTest {

    private static final String[] VOCAB = ("nordlys screen ecran écran noir black update mise jour antivirus shield crash "
            + "gaming laptop battery batterie driver pilote bluetooth wifi clavier keyboard refund remboursement garantie "
            + "warranty palm oil huile palme support help aide ajuda tela preta atualização bateria não funciona broken "
            + "slow lent lento hot chaud quente fan ventilateur noise bruit boot demarrage login password mot passe").split(" ");

    private static String word(Random r) {
        return VOCAB[r.nextInt(VOCAB.length)];
    }

    /** A realistic query: a few terms, OR groups, a phrase, a prefix, sometimes NEAR, NOT or a field. */
    static String query(Random r) {
        StringBuilder q = new StringBuilder();
        if (r.nextBoolean()) {
            // A product-specific watchlist: a rare word that only some posts carry.
            q.append("product").append(r.nextInt(200)).append(" AND ");
        }
        q.append('(').append(word(r)).append(" OR ").append(word(r)).append(" OR \"").append(word(r)).append(' ')
                .append(word(r)).append("\")");
        switch (r.nextInt(4)) {
            case 0 -> q.append(" AND ").append(word(r)).append(" NEAR/3 ").append(word(r));
            case 1 -> q.append(" AND ").append(word(r).substring(0, 3)).append('*');
            case 2 -> q.append(" NOT ").append(word(r)).append(" AND lang:").append(r.nextBoolean() ? "fr" : "en");
            default -> q.append(' ').append(word(r)).append(" network:").append(r.nextBoolean() ? "x" : "facebook");
        }
        return q.toString();
    }

    static String text(Random r) {
        StringBuilder t = new StringBuilder();
        int n = 8 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            t.append(i == 0 ? "" : " ").append(k < 2 ? "lorem" + r.nextInt(1000) : k == 2 ? "product" + r.nextInt(400) : word(r));
        }
        return t.append(" 😡 #Nordlys @NordlysCare").toString();
    }

    @Test
    void tagsWithEveryMatchingWatchlistAndStaysFast() {
        int watchlistCount = Integer.getInteger("bench.watchlists", 500);
        int mentionCount = Integer.getInteger("bench.mentions", 5_000);
        Random r = new Random(42);
        List<WatchlistRecord> records = new ArrayList<>();
        for (int i = 0; i < watchlistCount; i++) {
            WatchlistRecord w = new WatchlistRecord();
            w.id = "w" + i;
            w.query = query(r);
            records.add(w);
        }
        List<WatchlistMatcher.Compiled> compiled = WatchlistMatcher.compile(records);
        assertEquals(watchlistCount, compiled.size(), "every generated query parses");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < mentionCount; i++) {
            texts.add(text(r));
        }
        io.vigie.ingestion.domain.query.WatchlistIndex index = WatchlistMatcher.index(compiled);
        List<MatchDocument> docs = new ArrayList<>();
        for (int i = 0; i < mentionCount; i++) {
            docs.add(doc(texts.get(i), i));
        }
        // The index must give exactly what evaluating every watchlist gives.
        for (MatchDocument d : docs) {
            assertEquals(WatchlistMatcher.matching(compiled, d), index.matching(d));
        }
        // Warm up the JIT, then measure: prepare each mention once, test it against the watchlists.
        long tags = 0;
        for (int i = 0; i < Math.min(2_000, mentionCount); i++) {
            tags += index.matching(doc(texts.get(i), i)).size();
        }
        long start = System.nanoTime();
        tags = 0;
        for (int i = 0; i < mentionCount; i++) {
            tags += index.matching(doc(texts.get(i), i)).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = mentionCount / seconds;
        long naiveStart = System.nanoTime();
        for (int i = 0; i < mentionCount; i++) {
            WatchlistMatcher.matching(compiled, doc(texts.get(i), i));
        }
        double naive = (System.nanoTime() - naiveStart) / 1e9;
        System.out.printf("watchlist matching: %d watchlists, %d mentions in %.3f s = %.0f mentions/s (%.1f µs each), "
                + "%.2f tags per mention; evaluating every watchlist: %.0f mentions/s%n", watchlistCount, mentionCount,
                seconds, perSecond, seconds * 1e6 / mentionCount, (double) tags / mentionCount, mentionCount / naive);
        assertTrue(tags > 0, "some mentions match");
        assertTrue(tags < (long) mentionCount * watchlistCount / 2, "queries are selective");
        // 40,000 interactions a day is < 1/s on average. The bound is loose because the build machines are shared and
        // heavily loaded (the figure is for the README, the bound catches an accidental quadratic algorithm): 200/s
        // with 500 watchlists is still 17 million mentions a day.
        assertTrue(perSecond > 200, "matching is too slow: " + perSecond + " mentions/s");
    }

    private static MatchDocument doc(String text, int i) {
        return MatchDocument.of(text, i % 2 == 0 ? "x" : "facebook", "x:@NordlysCare", i % 3 == 0 ? "fr" : "en",
                "u" + i, "@user" + i);
    }
}
