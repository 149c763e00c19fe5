package io.vigie.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench refuses build output that would apply migrations the sources no longer have. */
class MachineTest {

    @TempDir
    Path root;

    @Test
    void aMigrationLeftInTheBuildOutputAfterItsSourceWasDeletedIsStale() throws Exception {
        Path sources = Files.createDirectories(root.resolve("services/centres/src/main/resources/db/migration"));
        Path built = Files.createDirectories(root.resolve("services/centres/target/classes/db/migration"));
        Files.writeString(sources.resolve("V1__centres.sql"), "create table a (id int);");
        Files.writeString(built.resolve("V1__centres.sql"), "create table a (id int);");
        Files.writeString(built.resolve("V22__throwaway.sql"), "alter table a disable trigger all;");
        Files.createDirectories(root.resolve("services/events/target/classes"));

        assertEquals(List.of("services/centres/target/classes/db/migration/V22__throwaway.sql"),
                Machine.staleMigrations(root));

        Files.delete(built.resolve("V22__throwaway.sql"));
        assertEquals(List.of(), Machine.staleMigrations(root));
    }
}
