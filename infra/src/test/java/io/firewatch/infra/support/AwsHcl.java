package io.firewatch.infra.support;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads Terraform files for wiring checks. hcl4j gives the structure (blocks as nested maps, literal
 * {@code jsonencode({...})} rendered as JSON text, references as their dotted names), but it drops arithmetic and
 * function calls; {@link #expression} returns an attribute's source text for those.
 */
public final class AwsHcl {
    private final Path file;
    private final String text;
    private final Map<String, Object> tree;

    private AwsHcl(Path file, String text, Map<String, Object> tree) {
        this.file = file;
        this.text = text;
        this.tree = tree;
    }

    public static AwsHcl parse(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new HCLParser().parse(text);
            return new AwsHcl(file, text, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": " + e, e);
        }
    }

    public String text() {
        return text;
    }

    /** The nested map at a path such as {@code "resource", "aws_sqs_queue", "events"}; fails when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> block(String... path) {
        Object node = tree;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new AssertionError(file + ": no " + String.join(".", path));
            }
            node = map.get(key);
        }
        return (Map<String, Object>) node;
    }

    /** A block that may appear once (hcl4j gives a map) or several times (a list), always as a list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> repeated(Object node) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        return List.of((Map<String, Object>) node);
    }

    /** A reference or literal as text: {@code aws_sqs_queue.events.arn}, {@code "java21"}, lists as their items. */
    public static String str(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * The source text of an attribute directly inside the block opened by {@code header} (e.g.
     * {@code resource "aws_sqs_queue" "events"}), up to the end of its line.
     */
    public String expression(String header, String attribute) {
        int start = text.indexOf(header + " {");
        if (start < 0) {
            throw new AssertionError(file + ": no block " + header);
        }
        int depth = 0;
        for (String line : text.substring(start).split("\n")) {
            String t = line.strip();
            if (depth == 1 && t.matches(java.util.regex.Pattern.quote(attribute) + "\\s*=.*")) {
                return t.substring(t.indexOf('=') + 1).strip();
            }
            for (char c : t.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth == 0 && t.endsWith("}")) {
                break;
            }
        }
        throw new AssertionError(file + ": " + header + " has no attribute " + attribute);
    }
}
