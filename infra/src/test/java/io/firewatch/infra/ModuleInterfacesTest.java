package io.firewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The modules speak one language: the same variable names, defaults and allowed values for the same settings on every
 * cloud, validation on every number and enumeration, and READMEs whose inputs and outputs tables list exactly what the
 * module declares.
 */
class ModuleInterfacesTest {
    /** Settings every cloud's root module offers, by the same name. */
    private static final List<String> SHARED = List.of("min_severity", "firewatch_config", "smtp", "dedup_enabled",
            "response_mode", "response_min_severity");
    /** Settings whose allowed values are a fixed list, identical on every cloud. */
    private static final List<String> ENUMS = List.of("min_severity", "response_mode", "response_min_severity");
    private static final Pattern VARIABLE = Pattern.compile("(?m)^variable \"([a-z0-9_]+)\" \\{");
    private static final Pattern OUTPUT = Pattern.compile("(?m)^output \"([a-z0-9_]+)\" \\{");
    private static final List<String> MODULES = List.of("aws", "aws/modules/forwarder", "gcp");

    @Test
    void awsAndGcpOfferEverySharedSettingUnderOneNameAndAzureNamesWhatItHasTheSameWay() throws IOException {
        Map<String, Map<String, String>> clouds = new LinkedHashMap<>();
        for (String cloud : List.of("aws", "gcp", "azure")) {
            clouds.put(cloud, variables(Path.of(cloud)));
        }
        for (String cloud : List.of("aws", "gcp")) {
            assertThat(clouds.get(cloud)).as(cloud).containsKeys(SHARED.toArray(String[]::new));
            assertThat(clouds.get(cloud)).as(cloud).doesNotContainKey("firewatch_config_json");
        }
        // Azure is maintained beside these two: whatever shared setting it declares carries the shared name.
        assertThat(clouds.get("azure")).containsKeys("min_severity", "firewatch_config", "smtp").doesNotContainKey("firewatch_config_json");
        for (String name : ENUMS) {
            Map<String, String> allowed = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            clouds.forEach((cloud, vars) -> {
                if (vars.containsKey(name)) {
                    allowed.put(cloud, allowedValues(name, vars.get(name)));
                    defaults.put(cloud, attribute(vars.get(name), "default"));
                }
            });
            assertThat(allowed).as(name).hasSizeGreaterThanOrEqualTo(2);
            assertThat(new TreeSet<>(allowed.values())).as(name + " allowed values " + allowed).hasSize(1);
            assertThat(new TreeSet<>(defaults.values())).as(name + " defaults " + defaults).hasSize(1);
        }
        assertThat(attribute(clouds.get("aws").get("response_mode"), "default")).isEqualTo("\"off\"");
        assertThat(attribute(clouds.get("aws").get("dedup_enabled"), "default")).isEqualTo("true");
        assertThat(attribute(clouds.get("gcp").get("dedup_enabled"), "default")).isEqualTo("true");
    }

    @Test
    void everyNumberAndEveryEnumerationIsValidated() throws IOException {
        for (String module : MODULES) {
            variables(Path.of(module)).forEach((name, block) -> {
                String type = attribute(block, "type");
                boolean enumeration = block.contains("contains([");
                if ("number".equals(type) || enumeration) {
                    assertThat(block).as(module + " " + name).contains("validation {").contains("error_message");
                }
            });
        }
    }

    @Test
    void readmesListExactlyTheInputsAndOutputsOfTheirModule() throws IOException {
        for (String module : MODULES) {
            Path dir = Path.of(module);
            String readme = Files.readString(dir.resolve("README.md"));
            assertThat(tableNames(section(readme, "## Inputs"))).as(module + " inputs").isEqualTo(new TreeSet<>(variables(dir).keySet()));
            assertThat(tableNames(section(readme, "## Outputs"))).as(module + " outputs").isEqualTo(declared(dir, OUTPUT, "outputs.tf"));
        }
    }

    @Test
    void everyExampleHasItsOwnVariablesOutputsAndReadme() throws IOException {
        for (String cloud : List.of("aws", "gcp")) {
            try (Stream<Path> examples = Files.list(Path.of(cloud, "examples"))) {
                List<Path> dirs = examples.filter(Files::isDirectory).toList();
                assertThat(dirs).as(cloud).hasSizeGreaterThanOrEqualTo(2);
                for (Path example : dirs) {
                    for (String file : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md")) {
                        assertThat(example.resolve(file)).as(example + "/" + file).isRegularFile();
                    }
                    String main = Files.readString(example.resolve("main.tf"));
                    assertThat(main).as(example + ": values come from variables.tf").contains("var.");
                    assertThat(main).as(example + ": outputs live in outputs.tf").doesNotContainPattern("(?m)^output ");
                }
            }
        }
    }

    private static Map<String, String> variables(Path dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String text = Files.readString(dir.resolve("variables.tf"));
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), block(text, m.start()));
        }
        return out;
    }

    private static TreeSet<String> declared(Path dir, Pattern pattern, String file) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(Files.readString(dir.resolve(file)));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The text of the block opened at {@code start}, up to its closing brace. */
    private static String block(String text, int start) {
        int depth = 0;
        for (int i = text.indexOf('{', start); i < text.length(); i++) {
            depth += text.charAt(i) == '{' ? 1 : text.charAt(i) == '}' ? -1 : 0;
            if (depth == 0) {
                return text.substring(start, i + 1);
            }
        }
        throw new AssertionError("unclosed block at " + start);
    }

    /** A top-level attribute of a variable block, as written. */
    private static String attribute(String block, String name) {
        Matcher m = Pattern.compile("(?m)^  " + name + "\\s+= (.+)$").matcher(block);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String allowedValues(String name, String block) {
        Matcher m = Pattern.compile("contains\\(\\[([^\\]]*)\\], var\\." + name + "\\)").matcher(block);
        assertThat(m.find()).as(name + " has a contains([...]) validation").isTrue();
        return new TreeSet<>(List.of(m.group(1).replace(" ", "").split(","))).toString();
    }

    private static String section(String readme, String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isGreaterThanOrEqualTo(0);
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The names in the first column of a Markdown table: {@code | `name` | ...}. */
    private static TreeSet<String> tableNames(String section) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\|").matcher(section);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
