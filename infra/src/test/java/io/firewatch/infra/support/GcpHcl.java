package io.firewatch.infra.support;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Terraform of {@code infra/gcp} as hcl4j reads it: nested maps, references rendered as their source text. Only
 * literal values are meaningful; expressions are compared as text.
 */
public final class GcpHcl {
    private final Map<String, Object> merged = new LinkedHashMap<>();

    private GcpHcl() {
    }

    /** The directory {@code infra/gcp}, found from the module's or the repository's working directory. */
    public static Path moduleDir() {
        for (Path candidate : List.of(Path.of("gcp"), Path.of("infra", "gcp"))) {
            if (Files.isRegularFile(candidate.resolve("main.tf"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("infra/gcp not found from " + Path.of("").toAbsolutePath());
    }

    /** All {@code .tf} files of one directory (not its subdirectories), merged as Terraform merges them. */
    public static GcpHcl parse(Path dir) throws Exception {
        GcpHcl hcl = new GcpHcl();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tf")).sorted().toList()) {
                hcl.merge(new HCLParser().parse(new File(file.toString()), "UTF-8"));
            }
        }
        return hcl;
    }

    public static List<Path> tfFiles(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".tf")).filter(f -> !f.toString().contains(".terraform")).sorted().toList();
        }
    }

    @SuppressWarnings("unchecked")
    private void merge(Map<String, Object> file) {
        file.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                deepMerge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else {
                merged.put(key, value instanceof Map<?, ?> ? new LinkedHashMap<>((Map<String, Object>) value) : value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void deepMerge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> && value instanceof Map<?, ?>) {
                deepMerge((Map<String, Object>) existing, (Map<String, Object>) value);
            } else {
                into.put(key, value);
            }
        });
    }

    /** A resource's arguments: {@code resource("google_pubsub_subscription", "push")}. */
    public Map<String, Object> resource(String type, String name) {
        Map<String, Object> r = map(map(merged.get("resource")).get(type)).get(name) instanceof Map<?, ?> m ? cast(m) : null;
        if (r == null) {
            throw new AssertionError("no resource " + type + "." + name);
        }
        return r;
    }

    /** Every resource of a type, by name. */
    public Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        map(map(merged.get("resource")).get(type)).forEach((name, body) -> out.put(name, cast(map(body))));
        return out;
    }

    public Map<String, Object> block(String kind) {
        return map(merged.get(kind));
    }

    public Object local(String name) {
        return map(merged.get("locals")).get(name);
    }

    /** Follows a path of map keys; a list on the way is entered at its first element. */
    public static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (current instanceof List<?> list) {
                current = list.isEmpty() ? null : list.get(0);
            }
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    public static String text(Object node, String... keys) {
        Object value = at(node, keys);
        return value == null ? null : String.valueOf(value);
    }

    /** A heredoc as Terraform renders {@code <<-}: the common leading indentation removed from every line. */
    public static String flushHeredoc(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A block's arguments as a map (an empty one when the value is no block). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> cast(Object block) {
        return block instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
