package io.firewatch.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tolerant reads from provider JSON. Real events differ in case ({@code accountId} vs {@code accountid}), wrap lists
 * ({@code {"items":[...]}}, {@code {}} for empty) and type numbers as strings; these helpers absorb that.
 */
public final class Json {
    private Json() {
    }

    /** The child at a dotted path, matching each name exactly first, then ignoring case. Never null. */
    public static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        int start = 0;
        while (current != null && !current.isMissingNode()) {
            int dot = dottedPath.indexOf('.', start);
            String name = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            current = field(current, name);
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return current == null ? MissingNode.getInstance() : current;
    }

    /** A direct child by name, exact match first, then case-insensitive. Never null. */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** Text of a scalar at the path (numbers and booleans as text); null when missing, null or not a scalar. */
    public static String text(JsonNode node, String dottedPath) {
        JsonNode v = at(node, dottedPath);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** The first non-null text among the paths. */
    public static String firstText(JsonNode node, String... dottedPaths) {
        for (String p : dottedPaths) {
            String v = text(node, p);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** An integer from a number or a numeric string; null otherwise. */
    public static Integer integer(JsonNode node, String dottedPath) {
        JsonNode v = at(node, dottedPath);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.valueOf(v.asText().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A boolean from {@code true}/{@code "true"}; null when absent or of another type. */
    public static Boolean bool(JsonNode node, String dottedPath) {
        JsonNode v = at(node, dottedPath);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            String t = v.asText().strip();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        return null;
    }

    /**
     * The elements of a list however it is rendered: a JSON array, CloudTrail's {@code {"items":[...]}}, {@code {}}
     * for an empty list, or a single object standing for a one-element list.
     */
    public static List<JsonNode> items(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
            return out;
        }
        if (node.isObject()) {
            JsonNode items = field(node, "items");
            if (items.isArray()) {
                items.forEach(out::add);
                return out;
            }
            if (node.isEmpty()) {
                return out;
            }
            if (items.isMissingNode()) {
                out.add(node);
            }
            return out;
        }
        out.add(node);
        return out;
    }

    /** The texts of a list of scalars (or a single scalar); blanks dropped. */
    public static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : items(node)) {
            if (n.isValueNode() && !n.isNull() && !n.asText().isEmpty()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    /** True when the node is an object with all of the named fields (exact case). */
    public static boolean hasAll(JsonNode node, String... names) {
        if (node == null || !node.isObject()) {
            return false;
        }
        for (String n : names) {
            if (!node.has(n)) {
                return false;
            }
        }
        return true;
    }
}
