package io.vigie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * What can be checked of the native build without GraalVM (none is installed here, so no native executable is built
 * by these tests): every event class is registered for reflection, the {@code native} profile exists, and each
 * service has a native and a JVM Dockerfile that run as non-root and expose the service's port.
 */
class NativeReadinessTest {

    private static final Path EVENTS = Repo.root().resolve("services/events");
    /** Written into the events jar at build time by services/events/src/build/NativeReflectionConfig.java. */
    private static final String REFLECT_CONFIG = "META-INF/native-image/io.vigie/events/reflect-config.json";

    @Test
    void everyEventClassIsRegisteredForReflection() throws Exception {
        Set<String> registered = new TreeSet<>();
        var resource = Thread.currentThread().getContextClassLoader().getResource(REFLECT_CONFIG);
        assertTrue(resource != null, REFLECT_CONFIG + " is missing from the events jar (with -pl: install services/events first)");
        for (JsonNode entry : new ObjectMapper().readTree(resource)) {
            registered.add(entry.path("name").asText());
            for (String flag : new String[] {"allDeclaredConstructors", "allPublicMethods", "allDeclaredFields"}) {
                assertTrue(entry.path(flag).asBoolean(), entry.path("name").asText() + " lacks " + flag);
            }
        }
        Set<String> events = new TreeSet<>();
        try (Stream<Path> sources = Files.list(EVENTS.resolve("src/main/java/io/vigie/events"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = "io.vigie.events." + source.getFileName().toString().replace(".java", "");
                if (name.endsWith(".Topics") || name.endsWith(".package-info")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name);
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name + " is not on the class path: with -pl, install services/events first", e);
                }
                collect(type, events);
            }
        }
        assertEquals(events, registered,
                "every event class (nested ones too) must be registered by the events build in " + REFLECT_CONFIG);
    }

    private static void collect(Class<?> type, Set<String> into) {
        into.add(type.getName());
        for (Class<?> nested : type.getDeclaredClasses()) {
            collect(nested, into);
        }
    }

    @Test
    void theRootPomHasANativeProfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Repo.root().resolve("pom.xml").toFile());
        var xpath = XPathFactory.newInstance().newXPath();
        String profile = "/*[local-name()='project']/*[local-name()='profiles']/*[local-name()='profile']"
                + "[*[local-name()='id']='native']/*[local-name()='properties']/*[local-name()='%s']";
        assertEquals("true", xpath.evaluate(profile.formatted("quarkus.native.enabled"), pom), "root pom: profile native");
        assertEquals("true", xpath.evaluate(profile.formatted("quarkus.native.container-build"), pom));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingestion", "scoring", "routing", "workspace", "centres"})
    void everyServiceHasNonRootNativeAndJvmDockerfilesOnItsPort(String svc) throws IOException {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(Repo.root().resolve("services/" + svc + "/src/main/resources/application.properties"))) {
            props.load(in);
        }
        String port = props.getProperty("quarkus.http.port");
        Path docker = Repo.root().resolve("services/" + svc + "/src/main/docker");
        String nativeFile = Files.readString(docker.resolve("Dockerfile.native"));
        assertTrue(nativeFile.contains("target/*-runner"), "Dockerfile.native must copy the native executable");
        assertTrue(nativeFile.contains("\nUSER 1001\n"), "Dockerfile.native must run as non-root");
        assertTrue(nativeFile.contains("\nEXPOSE " + port + "\n"), "Dockerfile.native must expose " + port);
        String jvmFile = Files.readString(docker.resolve("Dockerfile.jvm"));
        assertTrue(jvmFile.contains("target/quarkus-app/"), "Dockerfile.jvm must copy the fast-jar");
        assertTrue(jvmFile.contains("\nUSER 185\n"), "Dockerfile.jvm must run as non-root");
        assertTrue(jvmFile.contains("\nEXPOSE " + port + "\n"), "Dockerfile.jvm must expose " + port);
    }
}
