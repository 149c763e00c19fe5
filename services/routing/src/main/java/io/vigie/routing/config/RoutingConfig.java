package io.vigie.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Typed routing configuration. */
@ConfigMapping(prefix = "vigie.routing")
public interface RoutingConfig {

    /** Centre that takes conversations in a language no centre claims. */
    @WithDefault("austin")
    String defaultCentre();

    /** Foundation-stage centre per language (ISO 639-1 code to centre id). */
    Map<String, String> centreByLanguage();
}
