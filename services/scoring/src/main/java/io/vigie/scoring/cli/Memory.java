package io.vigie.scoring.cli;

/** Heap in use after garbage collection, to state how much memory a model holds. */
final class Memory {

    private Memory() {
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
