package io.firewatch.infra.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates a Cloud Logging query against a log entry given as field values, for the subset our sink filters use:
 * comparisons {@code field="value"}, {@code field:"substring"}, {@code field=~"regex"} and {@code field!~"regex"},
 * {@code NOT}, {@code OR}, {@code AND} and juxtaposition (an implicit AND), and parentheses. As in Logging, NOT binds
 * tightest, then OR, then AND; a regular expression matches anywhere unless anchored.
 */
public final class GcpHclLogFilter {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\\()|(\\))|(AND|OR|NOT)\\b|([A-Za-z_.@]+)\\s*(=~|!~|=|:)\\s*\"((?:[^\"\\\\]|\\\\.)*)\")");

    private sealed interface Node permits Cmp, And, Or, Not {
    }

    private record Cmp(String field, String op, String value) implements Node {
    }

    private record And(List<Node> parts) implements Node {
    }

    private record Or(List<Node> parts) implements Node {
    }

    private record Not(Node inner) implements Node {
    }

    private final List<Object> tokens = new ArrayList<>();
    private int pos;
    private final Node root;

    public GcpHclLogFilter(String filter) {
        Matcher m = TOKEN.matcher(filter);
        int at = 0;
        while (at < filter.length()) {
            if (filter.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("cannot read the filter at: " + filter.substring(at, Math.min(filter.length(), at + 40)));
            }
            if (m.group(1) != null || m.group(2) != null || m.group(3) != null) {
                tokens.add(m.group(1) != null ? "(" : m.group(2) != null ? ")" : m.group(3));
            } else {
                tokens.add(new Cmp(m.group(4), m.group(5), m.group(6).replace("\\\"", "\"").replace("\\\\", "\\")));
            }
            at = m.end();
        }
        root = and();
        if (pos != tokens.size()) {
            throw new IllegalArgumentException("unexpected " + tokens.get(pos) + " in the filter");
        }
    }

    /** Every comparison in the filter, in order. */
    public List<String[]> comparisons() {
        List<String[]> out = new ArrayList<>();
        for (Object t : tokens) {
            if (t instanceof Cmp c) {
                out.add(new String[] {c.field(), c.op(), c.value()});
            }
        }
        return out;
    }

    public boolean matches(Map<String, String> entry) {
        return eval(root, entry);
    }

    private Node and() {
        List<Node> parts = new ArrayList<>();
        parts.add(or());
        while (pos < tokens.size() && !")".equals(tokens.get(pos))) {
            if ("AND".equals(tokens.get(pos))) {
                pos++;
            }
            parts.add(or());
        }
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }

    private Node or() {
        List<Node> parts = new ArrayList<>();
        parts.add(unary());
        while (pos < tokens.size() && "OR".equals(tokens.get(pos))) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Or(parts);
    }

    private Node unary() {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("the filter ends early");
        }
        Object t = tokens.get(pos++);
        if ("NOT".equals(t)) {
            return new Not(unary());
        }
        if ("(".equals(t)) {
            Node inner = and();
            if (pos >= tokens.size() || !")".equals(tokens.get(pos))) {
                throw new IllegalArgumentException("unbalanced parentheses in the filter");
            }
            pos++;
            return inner;
        }
        if (t instanceof Cmp c) {
            return c;
        }
        throw new IllegalArgumentException("unexpected " + t + " in the filter");
    }

    private static boolean eval(Node node, Map<String, String> entry) {
        if (node instanceof And a) {
            return a.parts().stream().allMatch(p -> eval(p, entry));
        }
        if (node instanceof Or o) {
            return o.parts().stream().anyMatch(p -> eval(p, entry));
        }
        if (node instanceof Not n) {
            return !eval(n.inner(), entry);
        }
        Cmp c = (Cmp) node;
        String actual = entry.get(c.field());
        if (actual == null) {
            return "!~".equals(c.op());
        }
        return switch (c.op()) {
            case "=" -> actual.equals(c.value());
            case ":" -> actual.toLowerCase(Locale.ROOT).contains(c.value().toLowerCase(Locale.ROOT));
            case "=~" -> Pattern.compile(c.value()).matcher(actual).find();
            case "!~" -> !Pattern.compile(c.value()).matcher(actual).find();
            default -> throw new IllegalStateException(c.op());
        };
    }
}
