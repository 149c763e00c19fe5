package io.vigie.scoring.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy and macro-F1 of predicted labels against gold labels, per group (language) and overall. */
public final class Metrics {

    private final List<String[]> rows = new ArrayList<>();

    /** Records one prediction of the group {@code group}. */
    public void add(String group, String gold, String predicted) {
        rows.add(new String[] {group, gold, predicted});
    }

    /** Accuracy and macro-F1 of a set of predictions. */
    public record Score(int n, double accuracy, double macroF1) {
    }

    /** Scores per group; within a group, macro-F1 averages the F1 of the gold labels of that group. */
    public Map<String, Score> byGroup() {
        Map<String, List<String[]>> groups = new TreeMap<>();
        for (String[] r : rows) {
            groups.computeIfAbsent(r[0], g -> new ArrayList<>()).add(r);
        }
        Map<String, Score> out = new TreeMap<>();
        groups.forEach((g, rs) -> out.put(g, score(rs)));
        return out;
    }

    /** Scores over all rows; macro-F1 averages the F1 of every gold label. */
    public Score overall() {
        return score(rows);
    }

    /** Scores over the rows whose group is in {@code groups}. */
    public Score overallOf(java.util.Set<String> groups) {
        return score(rows.stream().filter(r -> groups.contains(r[0])).toList());
    }

    /** F1 of one label over all rows (e.g. a language among all languages). */
    public double f1(String label) {
        return f1(rows, label);
    }

    private static Score score(List<String[]> rs) {
        int correct = 0;
        TreeSet<String> labels = new TreeSet<>();
        for (String[] r : rs) {
            if (r[1].equals(r[2])) {
                correct++;
            }
            labels.add(r[1]);
        }
        double sum = 0;
        for (String label : labels) {
            sum += f1(rs, label);
        }
        return new Score(rs.size(), rs.isEmpty() ? 0 : (double) correct / rs.size(), labels.isEmpty() ? 0 : sum / labels.size());
    }

    private static double f1(List<String[]> rs, String label) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (String[] r : rs) {
            boolean gold = r[1].equals(label);
            boolean pred = r[2].equals(label);
            if (gold && pred) {
                tp++;
            } else if (pred) {
                fp++;
            } else if (gold) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
