package io.vigie.scoring.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A UTF-8 TSV file with a header line: the format of every evaluation and batch file of the scoring commands. */
public record Tsv(List<String> header, List<String[]> rows) {

    /** Reads {@code file}; every row gets exactly as many cells as the header (missing ones empty). */
    public static Tsv read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IllegalArgumentException(file + " is empty: a header line is required");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            List<String> header = List.of(first.split("\t", -1));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                rows.add(cells.length == header.size() ? cells : Arrays.copyOf(cells, header.size()));
            }
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        row[i] = "";
                    }
                }
            }
            return new Tsv(header, rows);
        }
    }

    /** Index of column {@code name}; fails with the columns there are. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in the header " + header);
        }
        return i;
    }

    /** Index of column {@code name}, or -1. */
    public int optionalColumn(String name) {
        return header.indexOf(name);
    }
}
