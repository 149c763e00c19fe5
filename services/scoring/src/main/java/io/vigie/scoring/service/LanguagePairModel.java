package io.vigie.scoring.service;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A discriminative second opinion for languages the n-gram table confuses in tweets (Portuguese read as Spanish or
 * French): a multinomial logistic regression over hashed words and character 1- to 4-grams of the text the
 * identifier reads, trained on tweets ({@code make train-language-pairs}). {@link NgramLanguageIdentifier} consults
 * it only when its two best languages are both among {@link #languages()}, and then adds {@code weight} times the
 * difference of the two logits to the difference of the two naive-Bayes log-likelihoods.
 */
public final class LanguagePairModel {

    private static final int MAGIC = 0x56474C50; // "VGLP"
    private static final int FORMAT = 1;
    /** Bumped whenever {@link #features} changes: a model trained with other features is refused. */
    public static final int VERSION = 1;
    static final int CHAR_MAX = 4;

    private final List<String> languages;
    private final int bits;
    private final int mask;
    /** weights[id * classes + class]. */
    private final float[] weights;
    private final float[] bias;
    private final double weight;
    private final String provenance;

    /** A model over {@code 2^bits} buckets for {@code languages} (class order), combined with {@code weight}. */
    public LanguagePairModel(List<String> languages, int bits, float[] weights, float[] bias, double weight,
            String provenance) {
        if (weights.length != languages.size() << bits || bias.length != languages.size()) {
            throw new IllegalArgumentException("weights must hold classes x 2^" + bits + " values");
        }
        this.languages = List.copyOf(languages);
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.weights = weights;
        this.bias = bias;
        this.weight = weight;
        this.provenance = provenance;
    }

    /** The languages (classes) of the model. */
    public List<String> languages() {
        return languages;
    }

    /** How much its logits count against the table's log-likelihoods. */
    public double weight() {
        return weight;
    }

    /** The same weights combined with another {@code weight}. */
    public LanguagePairModel withWeight(double weight) {
        return new LanguagePairModel(languages, bits, weights, bias, weight, provenance);
    }

    public String provenance() {
        return provenance;
    }

    public int bits() {
        return bits;
    }

    /** Hashed features of a prepared text (lower case, words separated by single spaces): ids, unit-norm values. */
    public record Vector(int[] ids, float[] values) {
    }

    /** Words and character 1- to 4-grams of " word " of {@code s}, as the identifier reads it. */
    public Vector features(String s) {
        int[] ids = new int[64];
        int size = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != ' ') {
                continue;
            }
            if (i > start) {
                int len = i - start + 2;
                if (size + len * CHAR_MAX + 1 > ids.length) {
                    ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + len * CHAR_MAX + 1));
                }
                int word = 0x9E3779B1;
                for (int k = start; k < i; k++) {
                    word = (word ^ s.charAt(k)) * 0x01000193;
                }
                ids[size++] = HashedFeatures.mix(word) & mask;
                for (int a = 0; a < len; a++) {
                    int h = 0x811C9DC5;
                    for (int k = a; k < Math.min(len, a + CHAR_MAX); k++) {
                        char ch = k == 0 || k == len - 1 ? ' ' : s.charAt(start + k - 1);
                        h = (h ^ ch) * 0x01000193;
                        if (k == a && ch == ' ') {
                            continue; // a lone boundary
                        }
                        ids[size++] = HashedFeatures.mix(h + 31 * (k - a)) & mask;
                    }
                }
            }
            start = i + 1;
        }
        float[] values = new float[size];
        Arrays.fill(values, size == 0 ? 0f : (float) (1 / Math.sqrt(size)));
        return new Vector(Arrays.copyOf(ids, size), values);
    }

    /** The logits of every class for a feature vector. */
    public double[] logits(Vector v) {
        int c = languages.size();
        double[] z = new double[c];
        for (int k = 0; k < c; k++) {
            z[k] = bias[k];
        }
        int[] ids = v.ids();
        float[] xs = v.values();
        for (int i = 0; i < ids.length; i++) {
            int base = ids[i] * c;
            for (int k = 0; k < c; k++) {
                z[k] += weights[base + k] * xs[i];
            }
        }
        return z;
    }

    /** Writes the model: non-zero buckets only, gzip-compressed, weights as 16-bit fixed point. */
    public void write(OutputStream target) throws IOException {
        int c = languages.size();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(VERSION);
            out.writeInt(bits);
            out.writeUTF(String.join(",", languages));
            out.writeDouble(weight);
            out.writeUTF(provenance);
            for (float b : bias) {
                out.writeFloat(b);
            }
            int nonZero = 0;
            for (int id = 0; id < 1 << bits; id++) {
                if (!zero(id, c)) {
                    nonZero++;
                }
            }
            out.writeInt(nonZero);
            int last = 0;
            for (int id = 0; id < 1 << bits; id++) {
                if (!zero(id, c)) {
                    out.writeInt(id - last);
                    last = id;
                    for (int k = 0; k < c; k++) {
                        out.writeShort(HashedFeatures.quantize(weights[id * c + k]));
                    }
                }
            }
        }
    }

    private boolean zero(int id, int c) {
        for (int k = 0; k < c; k++) {
            if (HashedFeatures.quantize(weights[id * c + k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Reads a model written by {@link #write}; fails clearly on another format or feature version. */
    public static LanguagePairModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(source))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a Vigie language pair model (format " + FORMAT + ")");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("the language pair model was trained with features v" + version
                        + ", this code extracts v" + VERSION + ": retrain it (make train-language-pairs)");
            }
            int bits = in.readInt();
            List<String> languages = List.of(in.readUTF().split(","));
            double weight = in.readDouble();
            String provenance = in.readUTF();
            int c = languages.size();
            float[] bias = new float[c];
            for (int k = 0; k < c; k++) {
                bias[k] = in.readFloat();
            }
            float[] weights = new float[c << bits];
            int nonZero = in.readInt();
            int id = 0;
            for (int i = 0; i < nonZero; i++) {
                id += in.readInt();
                for (int k = 0; k < c; k++) {
                    weights[id * c + k] = HashedFeatures.dequantize(in.readShort());
                }
            }
            return new LanguagePairModel(languages, bits, weights, bias, weight, provenance);
        }
    }

    /** 16-bit fixed point with a step of 1/4096 (|w| up to 8), as stored. */
    public static float roundToStorage(float w) {
        return HashedFeatures.roundToStorage(w);
    }
}
