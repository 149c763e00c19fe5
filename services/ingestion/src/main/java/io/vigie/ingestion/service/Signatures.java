package io.vigie.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures of webhook bodies, compared in constant time. */
public final class Signatures {

    private Signatures() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code data} keyed with {@code secret}. */
    public static String hmacSha256Hex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Whether {@code presented} (hex, optionally after {@code prefix}, e.g. {@code sha256=}) is the HMAC of
     * {@code data}; the comparison takes the same time wherever the first difference is.
     */
    public static boolean valid(String secret, byte[] data, String presented, String prefix) {
        if (presented == null) {
            return false;
        }
        String hex = presented.strip();
        if (!prefix.isEmpty()) {
            if (!hex.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return false;
            }
            hex = hex.substring(prefix.length());
        }
        byte[] expected = hmacSha256Hex(secret, data).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, hex.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Constant-time equality of two secrets (e.g. Meta's verify token). */
    public static boolean sameSecret(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
