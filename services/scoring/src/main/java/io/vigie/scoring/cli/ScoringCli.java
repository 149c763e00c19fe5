package io.vigie.scoring.cli;

import io.vigie.scoring.domain.radar.RadarSettings;
import io.vigie.scoring.service.LanguageIdentifier;
import io.vigie.scoring.service.LanguagePairModel;
import io.vigie.scoring.service.LinguaLanguageIdentifier;
import io.vigie.scoring.service.NgramLanguageIdentifier;
import io.vigie.scoring.service.OptimaizeLanguageIdentifier;
import io.vigie.scoring.service.ScorerSettings;
import io.vigie.scoring.service.TextScorer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Command line of the scoring service: batch scoring, evaluations and training, through the service's own classes. */
public final class ScoringCli {

    /** Hyper-parameters compared on the val split: epochs:learning-rate:L2:min-document-frequency, comma-separated. */
    static final String DEFAULT_GRID = "5:0.05:0:2,10:0.05:0:2,10:0.05:1e-6:2,10:0.1:0:2,20:0.05:0:2";

    private ScoringCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> opts = options(args);
        ScorerSettings settings = ScorerSettings.defaults();
        switch (args[0]) {
            case "eval-language" -> {
                Set<String> conf = settings.languages();
                Set<String> decoys = settings.decoyLanguages();
                int min = settings.minLetters();
                int max = settings.maxChars();
                Map<String, Supplier<LanguageIdentifier>> all = new java.util.LinkedHashMap<>();
                all.put("ngram", () -> new NgramLanguageIdentifier(conf, decoys, min, max));
                all.put("lingua-low", () -> new LinguaLanguageIdentifier(conf, decoys, false, min, max));
                all.put("lingua-low-nodecoys", () -> new LinguaLanguageIdentifier(conf, Set.of(), false, min, max));
                all.put("lingua-high", () -> new LinguaLanguageIdentifier(conf, decoys, true, min, max));
                all.put("optimaize", () -> new OptimaizeLanguageIdentifier(conf, decoys, min));
                List<Supplier<LanguageIdentifier>> ids = new java.util.ArrayList<>();
                for (String name : opts.getOrDefault("identifiers", String.join(",", all.keySet())).split(",")) {
                    Supplier<LanguageIdentifier> id = all.get(name.trim());
                    if (id == null) {
                        throw new IllegalArgumentException("unknown identifier '" + name + "' (" + all.keySet() + ")");
                    }
                    ids.add(id);
                }
                LanguageEvaluation.run(Path.of(required(opts, "data")), conf, ids, System.out);
            }
            case "score-file" -> ScoreFile.run(Path.of(required(opts, "in")), Path.of(required(opts, "out")),
                    TextScorer.create(settings), System.out);
            case "bench-scoring" -> ScoringBench.run(Path.of(required(opts, "in")), settings, System.out);
            case "eval-sentiment" -> SentimentEvaluation.run(Path.of(required(opts, "data")), TextScorer.create(settings),
                    System.out);
            case "train-sentiment" -> {
                List<SentimentTrainer.Params> grid = new java.util.ArrayList<>();
                for (String g : opts.getOrDefault("grid", DEFAULT_GRID).split(",")) {
                    String[] f = g.split(":");
                    grid.add(new SentimentTrainer.Params(Integer.parseInt(f[0]), Double.parseDouble(f[1]),
                            Double.parseDouble(f[2]), Integer.parseInt(f[3])));
                }
                SentimentTrainer.run(Path.of(required(opts, "train")), Path.of(required(opts, "val")),
                        Path.of(required(opts, "out")), languageIdentifier(settings), grid, System.out);
            }
            case "train-language-pairs" -> LanguagePairTrainer.run(Path.of(required(opts, "train")),
                    Path.of(required(opts, "out")), settings.languages(), new NgramLanguageIdentifier(settings.languages(),
                            settings.decoyLanguages(), settings.minLetters(), settings.maxChars(), null), System.out);
            case "train-language-tweets" -> {
                LanguagePairModel committed = NgramLanguageIdentifier.committedPairModel();
                if (committed == null) {
                    throw new IllegalStateException("no committed pair model " + NgramLanguageIdentifier.PAIR_MODEL
                            + ": run make train-language-pairs first");
                }
                LanguagePairTrainer.runTweets(Path.of(required(opts, "train")), Path.of(required(opts, "out")),
                        settings.languages(), new NgramLanguageIdentifier(settings.languages(), settings.decoyLanguages(),
                                settings.minLetters(), settings.maxChars(), null), committed.weight(), System.out);
            }
            case "radar-replay" -> RadarReplay.run(Path.of(required(opts, "in")), Path.of(required(opts, "out")),
                    switch (opts.getOrDefault("delivery", "as-recorded")) {
                        case "as-recorded" -> false;
                        case "ordered" -> true;
                        default -> throw new IllegalArgumentException("--delivery is as-recorded or ordered");
                    }, opts.containsKey("sequential-ratio")
                            ? RadarSettings.defaults().withSequentialRatio(number(opts, "sequential-ratio"))
                            : RadarSettings.defaults(), System.out);
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    /** The language identifier the service uses, with the same settings. */
    static LanguageIdentifier languageIdentifier(ScorerSettings settings) {
        return settings.languageIdentifier();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static double number(Map<String, String> opts, String name) {
        String v = required(opts, name);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " is a number, got '" + v + "'");
        }
    }

    private static void usage() {
        System.err.println("""
                usage: scoring-cli <command> [--name value]...
                  score-file      --in <tsv with a text column> --out <tsv>
                  bench-scoring   --in <tsv with lang,text[,lang_hint]>: ours vs Lingua vs Optimaize, posts per CPU-second
                  eval-sentiment  --data <tsv with lang,label,text>
                  eval-language   --data <tsv with lang,text> [--identifiers ngram,lingua-low,lingua-low-nodecoys,lingua-high,optimaize]
                  train-sentiment --train <tsv> --val <tsv> --out <model file> [--grid e:rate:l2:minDf,...]
                  train-language-pairs --train <tsv with lang,text> --out <model file>
                  train-language-tweets --train <tsv with lang,text> --out <model file>
                  radar-replay    --in <recording of vigie.radar.record> --out <alerts jsonl> [--delivery as-recorded|ordered]
                                  [--sequential-ratio <burst size the watchlists' CUSUM is designed for; 0: off>]""");
    }
}
