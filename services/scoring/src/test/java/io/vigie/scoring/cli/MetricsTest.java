package io.vigie.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Accuracy and macro-F1 computed by hand on a small example. */
class MetricsTest {

    @Test
    void accuracyAndMacroF1() {
        Metrics m = new Metrics();
        m.add("en", "pos", "pos");
        m.add("en", "pos", "neg");
        m.add("en", "neg", "neg");
        m.add("fr", "neg", "neg");
        // en: pos F1 = 2*1/(2+0+1) = 0.667, neg F1 = 2*1/(2+1+0) = 0.667
        assertEquals(2.0 / 3, m.byGroup().get("en").accuracy(), 1e-9);
        assertEquals(2.0 / 3, m.byGroup().get("en").macroF1(), 1e-9);
        assertEquals(1.0, m.byGroup().get("fr").macroF1(), 1e-9);
        // all: pos F1 = 2/3, neg F1 = 2*2/(4+1) = 0.8
        assertEquals(0.75, m.overall().accuracy(), 1e-9);
        assertEquals((2.0 / 3 + 0.8) / 2, m.overall().macroF1(), 1e-9);
    }
}
