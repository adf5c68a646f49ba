package io.firewatch.infra.support;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the Azure Terraform with hcl4j. hcl4j evaluates expressions as it parses and fails on functions given
 * values only Terraform knows (data sources, unset variables); the string functions used here are made to pass
 * such unknowns through instead.
 */
public final class AzureHcl {
    /** infra/azure, seen from the infra module's directory (where Maven runs its tests). */
    public static final Path ROOT = Path.of("azure");

    private AzureHcl() {
    }

    public static Map<String, Object> parse(Path file) {
        HCLParser parser = new HCLParser();
        parser.registerFunction("substr", args -> firstOrNull(args));
        parser.registerFunction("replace", args -> firstOrNull(args));
        try {
            return parser.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new AssertionError("hcl4j could not read " + file + ": " + e, e);
        }
    }

    private static Object firstOrNull(List<Object> args) {
        return args.isEmpty() || args.get(0) == null ? null : String.valueOf(args.get(0));
    }

    /** The value at a path of map keys, or null. */
    @SuppressWarnings("unchecked")
    public static Object at(Object root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map)) {
                return null;
            }
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object root, String... keys) {
        Object v = at(root, keys);
        if (!(v instanceof Map)) {
            throw new AssertionError("no block at " + String.join(".", keys) + " (found " + v + ")");
        }
        return (Map<String, Object>) v;
    }

    /** A block that may appear once (a map) or several times (a list of maps), as a list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> blocks(Object root, String... keys) {
        Object v = at(root, keys);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof Map) {
            out.add((Map<String, Object>) v);
        } else if (v instanceof List) {
            for (Object o : (List<Object>) v) {
                if (o instanceof Map) {
                    out.add((Map<String, Object>) o);
                }
            }
        }
        return out;
    }

    public static List<String> strings(Object root, String... keys) {
        Object v = at(root, keys);
        if (!(v instanceof List<?> list)) {
            throw new AssertionError("no list at " + String.join(".", keys) + " (found " + v + ")");
        }
        return list.stream().map(String::valueOf).toList();
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every .tf file under infra/azure. */
    public static List<Path> files() {
        try (var s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".tf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
