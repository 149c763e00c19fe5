package io.vigie.scoring.service;

import io.vigie.events.Sentiment;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained sentiment model: a multinomial logistic regression over {@link SentimentFeatures}. Answers a label
 * (negative, neutral, positive) and a score in [-1, 1] = P(positive) - P(negative).
 */
public final class SentimentModel {

    /** Class order of the weights. */
    public static final String[] LABELS = {Sentiment.NEGATIVE, Sentiment.NEUTRAL, Sentiment.POSITIVE};
    private static final int MAGIC = 0x5647534D; // "VGSM"
    private static final int FORMAT = 1;

    private final int bits;
    private final SentimentFeatures features;
    /** weights[id * 3 + class]. */
    private final float[] weights;
    private final float[] bias;
    private final String provenance;

    /** A model over {@code 2^bits} buckets with the given weights (3 per bucket) and biases. */
    public SentimentModel(int bits, float[] weights, float[] bias, String provenance) {
        if (weights.length != (3 << bits) || bias.length != 3) {
            throw new IllegalArgumentException("weights must hold 3 x 2^" + bits + " values and bias 3");
        }
        this.bits = bits;
        this.features = new SentimentFeatures(bits);
        this.weights = weights;
        this.bias = bias;
        this.provenance = provenance;
    }

    /** The label and score of {@code text} written in {@code lang}. */
    public Sentiment predict(String text, String lang) {
        double[] p = probabilities(features.extract(text, lang));
        int best = 0;
        for (int k = 1; k < 3; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        double score = Math.max(-1, Math.min(1, p[2] - p[0]));
        return new Sentiment(LABELS[best], Math.round(score * 1000) / 1000.0);
    }

    /** Class probabilities (negative, neutral, positive) of a feature vector. */
    public double[] probabilities(SentimentFeatures.Vector v) {
        double[] z = {bias[0], bias[1], bias[2]};
        int[] ids = v.ids();
        float[] values = v.values();
        for (int k = 0; k < ids.length; k++) {
            int base = ids[k] * 3;
            float x = values[k];
            z[0] += weights[base] * x;
            z[1] += weights[base + 1] * x;
            z[2] += weights[base + 2] * x;
        }
        return softmax(z);
    }

    /** Softmax of three scores, in place. */
    public static double[] softmax(double[] z) {
        double max = Math.max(z[0], Math.max(z[1], z[2]));
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** The feature extractor this model was trained with. */
    public SentimentFeatures features() {
        return features;
    }

    /** How the model was trained (data, hyper-parameters), as recorded by the trainer. */
    public String provenance() {
        return provenance;
    }

    /** Writes the model: non-zero buckets only, gzip-compressed. */
    public void write(OutputStream target) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(SentimentFeatures.VERSION);
            out.writeInt(bits);
            out.writeUTF(provenance);
            for (float b : bias) {
                out.writeFloat(b);
            }
            int nonZero = 0;
            for (int id = 0; id < (1 << bits); id++) {
                if (weights[id * 3] != 0 || weights[id * 3 + 1] != 0 || weights[id * 3 + 2] != 0) {
                    nonZero++;
                }
            }
            out.writeInt(nonZero);
            int last = 0;
            for (int id = 0; id < (1 << bits); id++) {
                if (weights[id * 3] != 0 || weights[id * 3 + 1] != 0 || weights[id * 3 + 2] != 0) {
                    out.writeInt(id - last);
                    last = id;
                    for (int k = 0; k < 3; k++) {
                        out.writeShort(HashedFeatures.quantize(weights[id * 3 + k]));
                    }
                }
            }
        }
    }

    /** Reads a model written by {@link #write}; fails clearly on another format or feature version. */
    public static SentimentModel read(InputStream source) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(source))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a Vigie sentiment model (format " + FORMAT + ")");
            }
            int version = in.readInt();
            if (version != SentimentFeatures.VERSION) {
                throw new IOException("the model was trained with features v" + version + ", this code extracts v"
                        + SentimentFeatures.VERSION + ": retrain it (make train-sentiment)");
            }
            int bits = in.readInt();
            String provenance = in.readUTF();
            float[] bias = {in.readFloat(), in.readFloat(), in.readFloat()};
            float[] weights = new float[3 << bits];
            int nonZero = in.readInt();
            int id = 0;
            for (int i = 0; i < nonZero; i++) {
                id += in.readInt();
                for (int k = 0; k < 3; k++) {
                    weights[id * 3 + k] = HashedFeatures.dequantize(in.readShort());
                }
            }
            return new SentimentModel(bits, weights, bias, provenance);
        }
    }

    /** Weights are stored as 16-bit fixed point with a step of 1/4096 (|w| up to 8). */
    public static float roundToStorage(float w) {
        return HashedFeatures.roundToStorage(w);
    }
}
