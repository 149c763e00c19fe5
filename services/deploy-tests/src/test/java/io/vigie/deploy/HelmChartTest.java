package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The umbrella chart, with Helm itself: strict lint, a render for every region's values file in which every object
 * passes strict validation, and the golden render of each region. Regenerate the goldens after an intended change
 * with {@code ./mvnw -pl services/deploy-tests test -Dvigie.golden.update=true} and review the diff.
 */
class HelmChartTest {

    private static final List<String> REGIONS = Charts.REGIONS;

    private final StrictKubernetesValidator validator = new StrictKubernetesValidator();

    @Test
    void lintsStrictly() {
        var result = new Helm(Repo.chart()).lint().strict().call();
        assertFalse(result.isFailed(), () -> String.join("\n", result.getMessages()));
    }

    @Test
    void shipsTheFourExampleRegions() {
        assertTrue(REGIONS.containsAll(Charts.EXAMPLE_REGIONS), "regions: " + REGIONS);
    }

    @Test
    void defaultValuesRenderValidObjects() {
        var manifests = StrictKubernetesValidator.parse(Charts.render("vigie-example"));
        assertEquals(List.of(), validator.violations(manifests));
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void everyRenderedObjectOfARegionIsAValidKubernetesObject(String region) {
        String rendered = Charts.renderRegion(region);
        assertFalse(rendered.contains("<no value>"), "a template refers to a value the region does not have");
        var manifests = StrictKubernetesValidator.parse(rendered);
        assertTrue(manifests.size() > 20, "only " + manifests.size() + " objects rendered");
        assertEquals(List.of(), validator.violations(manifests));
    }

    @ParameterizedTest
    @FieldSource("REGIONS")
    void rendersTheGoldenManifestsOfARegion(String region) throws IOException {
        String rendered = Charts.renderRegion(region);
        Path golden = Repo.root().resolve("services/deploy-tests/src/test/resources/golden/" + region + ".yaml");
        if (Boolean.getBoolean("vigie.golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing: run with -Dvigie.golden.update=true and commit it");
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), rendered,
                "render of " + region + " differs from " + golden + " (if intended: -Dvigie.golden.update=true, review, commit)");
    }
}
