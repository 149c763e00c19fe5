package io.vigie.scoring.config;

import io.vigie.scoring.service.ProductLines;
import io.vigie.scoring.service.ScorerSettings;
import io.vigie.scoring.service.SpamDetector;
import io.vigie.scoring.service.TextScorer;
import io.vigie.scoring.service.ThreadTopics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.LinkedHashSet;

/**
 * Builds the text scorer, the spam detector and the threads' topics from the configuration, once, at start. The
 * scorer loads its language tables and models at start-up (seconds), not when the first mention arrives: that call
 * comes on the event loop, which it would block.
 */
@ApplicationScoped
public class ScorerProducer {

    private final ScoringConfig config;

    public ScorerProducer(ScoringConfig config) {
        this.config = config;
    }

    @Produces
    @ApplicationScoped
    @Startup
    TextScorer textScorer() {
        ScorerSettings settings = new ScorerSettings(new LinkedHashSet<>(config.languages()),
                new LinkedHashSet<>(config.decoyLanguages()), config.languageIdentifier(), config.highAccuracy(), config.minLetters(), config.maxChars(),
                config.productLines().isEmpty() ? ProductLines.DEFAULTS : config.productLines(),
                ScorerSettings.DEFAULT_MODEL);
        return TextScorer.create(settings);
    }

    @Produces
    @ApplicationScoped
    SpamDetector spamDetector() {
        return new SpamDetector(config.spam().repeats(), config.spam().window(), config.spam().capacity());
    }

    @Produces
    @ApplicationScoped
    ThreadTopics threadTopics() {
        return new ThreadTopics(config.threads().capacity());
    }
}
