package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/** Strict reads of rule fields: absent is fine, present but of the wrong type is {@link Unreadable}, named by path. */
final class Fields {
    private Fields() {
    }

    /** A scalar's text; null when absent or JSON null; Unreadable for objects and arrays. */
    static String text(JsonNode parent, String name, String path) throws Unreadable {
        JsonNode v = Json.field(parent, name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new Unreadable(path + "." + name + " is not a text value");
        }
        String t = v.asText();
        return t.isEmpty() ? null : t;
    }

    /** An address (CIDR, host, prefix list or group id): a string, or Unreadable. */
    static String address(JsonNode parent, String name, String path) throws Unreadable {
        JsonNode v = Json.field(parent, name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new Unreadable(path + "." + name + " is not an address");
        }
        return v.asText().isEmpty() ? null : v.asText();
    }

    /** The protocol, normalized; absent reads as "all" only where the caller allows it. */
    static String protocol(JsonNode parent, String name, String path, boolean required) throws Unreadable {
        String raw = text(parent, name, path);
        if (raw == null && required) {
            throw new Unreadable(path + "." + name + " is missing");
        }
        return Protocols.normalize(raw);
    }

    /** A port number as a number or numeric text; null when absent; Unreadable otherwise. */
    static Integer port(JsonNode parent, String name, String path) throws Unreadable {
        return integer(parent, name, path, "a port number");
    }

    /** An integer as a number or numeric text; null when absent; Unreadable otherwise. */
    static Integer integer(JsonNode parent, String name, String path, String what) throws Unreadable {
        JsonNode v = Json.field(parent, name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        Integer value = Json.integer(parent, name);
        if (value == null) {
            throw new Unreadable(path + "." + name + " is not " + what);
        }
        return value;
    }

    /**
     * The ports of a rule: null for port-less protocols, for "all", and where both ends are absent or -1 (all ports);
     * one absent end takes the other's value.
     */
    static PortRange ports(String protocol, JsonNode parent, String fromName, String toName, String path) throws Unreadable {
        Integer from = port(parent, fromName, path);
        Integer to = port(parent, toName, path);
        if (!Protocols.hasPorts(protocol)) {
            return null;
        }
        if (from == null && to == null || from != null && from == -1 || to != null && to == -1) {
            return null;
        }
        int f = from == null ? to : from;
        int t = to == null ? from : to;
        if (f < 0 || t > PortRange.MAX_PORT || f > t) {
            throw new Unreadable(path + "." + fromName + ".." + toName + " is not a valid port range (" + f + "-" + t + ")");
        }
        return new PortRange(f, t);
    }

    /** A list however CloudTrail renders it ({@code {"items":[...]}}, {@code {}}, an array, one object). */
    static List<JsonNode> objects(JsonNode parent, String name, String path) throws Unreadable {
        JsonNode v = Json.field(parent, name);
        List<JsonNode> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : Json.items(v)) {
            if (!item.isObject()) {
                throw new Unreadable(path + "." + name + "[" + i + "] is not an object");
            }
            out.add(item);
            i++;
        }
        return out;
    }

    /** A list of strings, or of objects whose {@code field} is the string; Unreadable for anything else. */
    static List<String> strings(JsonNode parent, String name, String field, String path) throws Unreadable {
        JsonNode v = Json.field(parent, name);
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : Json.items(v)) {
            String where = path + "." + name + "[" + i + "]";
            if (item.isTextual()) {
                if (!item.asText().isEmpty()) {
                    out.add(item.asText());
                }
            } else if (item.isObject() && field != null) {
                String s = address(item, field, where);
                if (s != null) {
                    out.add(s);
                }
            } else if (!item.isNull()) {
                throw new Unreadable(where + " is not an address");
            }
            i++;
        }
        return out;
    }
}
