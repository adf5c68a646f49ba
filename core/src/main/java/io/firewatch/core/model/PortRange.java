package io.firewatch.core.model;

/** An inclusive range of TCP/UDP ports. */
public record PortRange(int from, int to) {
    public static final int MAX_PORT = 65535;
    public static final PortRange ALL = new PortRange(0, MAX_PORT);

    public PortRange {
        if (from < 0 || to > MAX_PORT || from > to) {
            throw new IllegalArgumentException("invalid port range " + from + "-" + to);
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean isAll() {
        return from == 0 && to == MAX_PORT;
    }

    public boolean contains(int port) {
        return port >= from && port <= to;
    }

    public boolean overlaps(PortRange other) {
        return from <= other.to && other.from <= to;
    }

    /** Parses "22", "8000-8080" or "*"; returns null for anything else. */
    public static PortRange parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.equals("*") || t.equalsIgnoreCase("any")) {
            return ALL;
        }
        int dash = t.indexOf('-', 1);
        try {
            if (dash < 0) {
                return single(Integer.parseInt(t));
            }
            return new PortRange(Integer.parseInt(t.substring(0, dash).strip()), Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
