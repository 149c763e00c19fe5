package io.vigie.ingestion.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.StringLength;

/** Webhook signatures: the right HMAC is accepted (any case, with its prefix); any change of body, key or signature is refused. */
class SignaturesTest {

    @Property(tries = 300)
    void theBodysOwnSignatureIsAccepted(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String secret, @ForAll byte[] body) {
        String hex = Signatures.hmacSha256Hex(secret, body);
        assertTrue(Signatures.valid(secret, body, "sha256=" + hex, "sha256="));
        assertTrue(Signatures.valid(secret, body, "SHA256=" + hex.toUpperCase(Locale.ROOT), "sha256="));
        assertTrue(Signatures.valid(secret, body, hex, ""));
    }

    @Property(tries = 300)
    void anyFlippedBitOfTheBodyIsRefused(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String secret, @ForAll @NotEmpty byte[] body,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        String hex = Signatures.hmacSha256Hex(secret, body);
        byte[] tampered = body.clone();
        int bit = where % (tampered.length * 8);
        tampered[bit / 8] ^= (byte) (1 << (bit % 8));
        assertFalse(Signatures.valid(secret, tampered, "sha256=" + hex, "sha256="));
    }

    @Property(tries = 300)
    void anyOtherSignatureIsRefused(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String secret, @ForAll byte[] body,
            @ForAll @StringLength(max = 80) String presented) {
        String hex = Signatures.hmacSha256Hex(secret, body);
        if (presented.strip().equalsIgnoreCase("sha256=" + hex)) {
            return;
        }
        assertFalse(Signatures.valid(secret, body, presented, "sha256="));
        assertFalse(Signatures.valid(secret, body, "sha256=" + hex.substring(1), "sha256="), "a truncated signature");
        assertFalse(Signatures.valid(secret, body, hex, "sha256="), "the prefix is required");
    }

    @Property(tries = 200)
    void anotherSecretIsRefused(@ForAll @AlphaChars @StringLength(min = 1, max = 40) String secret,
            @ForAll @AlphaChars @StringLength(min = 1, max = 40) String other, @ForAll byte[] body) {
        if (secret.equals(other)) {
            return;
        }
        assertFalse(Signatures.valid(other, body, "sha256=" + Signatures.hmacSha256Hex(secret, body), "sha256="));
        assertFalse(Signatures.sameSecret(secret, other));
        assertTrue(Signatures.sameSecret(secret, new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
    }
}
