package io.vigie.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository root, where helm/, k8s/ and services/ live. */
final class Repo {

    private Repo() {
    }

    /** The repository root: the surefire property {@code vigie.repo.root}, or the first parent with helm/ and k8s/. */
    static Path root() {
        String configured = System.getProperty("vigie.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "helm"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("helm")) && Files.isDirectory(p.resolve("k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }

    /** The umbrella chart. */
    static Path chart() {
        return root().resolve("helm/vigie");
    }
}
