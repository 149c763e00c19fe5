package io.vigie.deploy;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Renders the umbrella chart with Helm itself (helm-java: Helm's Go code in-process, no binary, no download). */
final class Charts {

    /** Release name the docs use in every region; the quarkus-kubernetes manifests expect its object names. */
    static final String RELEASE = "vigie";
    /** Kubernetes version the renders target (the chart requires 1.27 or later). */
    static final String KUBE_VERSION = "v1.30.0";
    /** The example regions that ship with the chart. */
    static final List<String> EXAMPLE_REGIONS = List.of("austin", "bratislava", "sao-paulo", "montpellier");
    /** Every region of the chart: one per values-&lt;region&gt;.yaml (each needs its golden render and its k8s/ overlay). */
    static final List<String> REGIONS = regionFiles();

    private Charts() {
    }

    /** The region values files present in the chart, by region id. */
    static List<String> regionFiles() {
        try (Stream<Path> files = Files.list(Repo.chart())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("values-") && n.endsWith(".yaml"))
                    .map(n -> n.substring("values-".length(), n.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Map<String, String> REGION_RENDERS = new ConcurrentHashMap<>();

    /**
     * Renders the chart for one region (values.yaml overlaid by values-&lt;region&gt;.yaml) into namespace
     * vigie-&lt;region&gt;; rendered once per test run (the chart does not change while the tests run).
     */
    static String renderRegion(String region) {
        return REGION_RENDERS.computeIfAbsent(region, r -> render("vigie-" + r, Repo.chart().resolve("values-" + r + ".yaml")));
    }

    /** Renders the chart with the given values files (none: values.yaml alone); Helm's own errors propagate. */
    static String render(String namespace, Path... valuesFiles) {
        var template = new Helm(Repo.chart()).template()
                .withName(RELEASE)
                .withNamespace(namespace)
                .withKubeVersion(KUBE_VERSION);
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return template.call();
    }
}
