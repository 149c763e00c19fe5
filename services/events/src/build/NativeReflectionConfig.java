import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build step of the events module (run by exec-maven-plugin at process-classes, as a single-file Java program):
 * writes META-INF/native-image/io.vigie/events/reflect-config.json into target/classes, registering every compiled
 * event class (nested ones too, Topics excepted) for reflection. The services parse events from Strings with
 * Jackson, which a native image can only do for registered classes; generating the list means a new event needs
 * no manual step. See docs/adr/0034-native-readiness.md.
 */
public class NativeReflectionConfig {

    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        Path events = classes.resolve("io/vigie/events");
        List<String> names;
        try (Stream<Path> files = Files.list(events)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.equals("Topics") && !n.equals("package-info"))
                    .map(n -> "io.vigie.events." + n)
                    .sorted()
                    .toList();
        }
        String json = names.stream()
                .map(n -> "  {\"name\": \"" + n + "\", \"allDeclaredConstructors\": true, \"allPublicConstructors\": true,"
                        + " \"allDeclaredMethods\": true, \"allPublicMethods\": true, \"allDeclaredFields\": true, \"allPublicFields\": true}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        Path out = classes.resolve("META-INF/native-image/io.vigie/events/reflect-config.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json);
        System.out.println("reflect-config.json: " + names.size() + " event classes registered for reflection");
    }
}
