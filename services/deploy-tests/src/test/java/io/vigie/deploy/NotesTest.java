package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** NOTES.txt, as `helm install --dry-run` (client only) prints it: the operator's next steps for the region. */
class NotesTest {

    private static final java.util.List<String> REGIONS = Charts.REGIONS;

    @ParameterizedTest
    @FieldSource("REGIONS")
    void tellsTheOperatorWhatToCheckNext(String region) {
        String output = new Helm(Repo.chart()).install()
                .withName(Charts.RELEASE)
                .withNamespace("vigie-" + region)
                .withValuesFile(Repo.chart().resolve("values-" + region + ".yaml"))
                .withKubeVersion(Charts.KUBE_VERSION)
                .clientOnly()
                .dryRun()
                .call()
                .getOutput();
        assertTrue(output.contains("Vigie region \"" + region + "\""), output);
        assertTrue(output.contains("describe secret vigie-db"), "names the Secret to create: " + output);
        assertTrue(output.contains("group \"" + region + ".scoring\" on \"" + region + ".mentions.raw\""), output);
        assertTrue(output.contains("kubectl get crd scaledobjects.keda.sh"), output);
        assertTrue(output.contains("docs/runbooks/"), output);
        assertFalse(output.contains("<no value>"), "a value NOTES.txt refers to is missing: " + output);
    }
}
