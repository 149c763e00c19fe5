package io.vigie.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Typed configuration of scoring ({@code vigie.scoring.*}). */
@ConfigMapping(prefix = "vigie.scoring")
public interface ScoringConfig {

    /** ISO 639-1 codes that language identification may answer; anything else is {@code und}. */
    @WithDefault("en,fr,de,es,pt,it,nl,sk,cs,pl")
    List<String> languages();

    /** Languages the identifier also considers so that their posts come out as {@code und}, not as a near language. */
    @WithDefault("sv,da,nb,fi,hu,ro,tr,ca,hr,sl,et,lv,lt,id")
    List<String> decoyLanguages();

    /** {@code ngram}: Lingua's n-gram models scored by our fast table (default); {@code lingua}: Lingua itself. */
    @WithDefault("ngram")
    String languageIdentifier();

    /** Lingua's high accuracy mode (with {@code language-identifier=lingua}): better on short texts, about 25x the memory and slower (see docs/models). */
    @WithDefault("false")
    boolean highAccuracy();

    /** Texts with fewer letters are {@code und}. */
    @WithDefault("3")
    int minLetters();

    /** Language identification reads the first words up to about this many characters. */
    @WithDefault("200")
    int maxChars();

    /**
     * The brand's product lines: {@code vigie.scoring.product-lines.<id>=word,phrase,...} (a single word also matches
     * words that start with it); when none is configured, the demo brand's ({@code ProductLines.DEFAULTS}).
     */
    Map<String, List<String>> productLines();

    /** Spam detection. */
    Spam spam();

    /** Expert ("rock star") detection. */
    Experts experts();

    /** Threads' topics (a reply without a topic of its own takes its thread's). */
    Threads threads();

    /** Threads' topics settings. */
    interface Threads {
        /** Recent threads remembered per instance (least recently used first forgotten; about 100 bytes each). */
        @WithDefault("200000")
        int capacity();
    }

    /** Spam detection settings. */
    interface Spam {
        /** The n-th copy of one text within the window, and the later ones, are spam. */
        @WithDefault("3")
        int repeats();

        /** Window over which copies are counted. */
        @WithDefault("PT10M")
        Duration window();

        /** Distinct recent texts remembered. */
        @WithDefault("100000")
        int capacity();
    }

    /** Expert detection settings. */
    interface Experts {
        /** Helpful answers an author needs to be an expert candidate. */
        @WithDefault("5")
        int minHelpfulAnswers();

        /** And the share of their mentions that are helpful answers. */
        @WithDefault("0.3")
        double minHelpfulShare();
    }
}
