package io.vigie.scoring.config;

import io.vigie.scoring.domain.radar.RadarSettings;
import io.vigie.scoring.domain.radar.Terms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the radar's settings from the tuned defaults and {@code vigie.radar.*}, and its term extractor. */
@ApplicationScoped
public class RadarSettingsProducer {

    @Produces
    @Singleton
    RadarSettings settings(RadarConfig config) {
        RadarSettings d = RadarSettings.defaults();
        return new RadarSettings(d.bucket(), d.termBucket(), d.windows(), d.reference(), d.priorWeight(),
                d.floorPerHour(), d.minCount(), d.minRatio(), d.pValues(), config.defaultSensitivity(),
                config.sensitivity(), d.warmUp(), d.maxLateness(), config.maxAhead(), d.idleAfter(), d.replayIdleAfter(),
                d.liveWindow(),
                config.resolveAfter().orElse(d.resolveAfter()), d.reopenWithin(), d.maxFrozen(), d.updateEvery(),
                d.growFactor(), d.mergeOverlap(), d.samples(), d.topTerms(), d.recentCapacity(), d.maxTerms(),
                d.maxNewMentions(), config.sequentialRatio().orElse(d.sequentialRatio()), d.sequentialThresholds());
    }

    @Produces
    @Singleton
    Terms terms() {
        return Terms.standard(30);
    }
}
