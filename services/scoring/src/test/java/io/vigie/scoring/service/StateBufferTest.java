package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The snapshot's buffers are reused: each snapshot's gzip holds exactly what that snapshot wrote, nothing older. */
class StateBufferTest {

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
    }

    private static byte[] state(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void aSmallerStateAfterALargerOneIsCompressedAlone() throws IOException {
        RadarService.StateBuffer buffer = new RadarService.StateBuffer(16);
        ByteArrayOutputStream zip = new ByteArrayOutputStream(16);
        byte[] large = state(300_000, 1);
        byte[] small = state(1_000, 2);

        buffer.write(large);
        assertArrayEquals(large, gunzip(buffer.gzip(zip)));

        buffer.reset();
        buffer.write(small);
        assertArrayEquals(small, gunzip(buffer.gzip(zip)));

        buffer.reset();
        assertArrayEquals(new byte[0], gunzip(buffer.gzip(zip)));
    }
}
