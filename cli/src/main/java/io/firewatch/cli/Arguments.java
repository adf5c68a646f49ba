package io.firewatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line split into {@code --name value} / {@code --name=value} options and PATH arguments ({@code -} is
 * standard input, {@code --} ends the options).
 */
record Arguments(Map<String, String> options, List<String> paths) {

    /** A command line that does not fit the command; the message is shown with the usage. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static Arguments parse(List<String> args, Set<String> known) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!optionsEnded && a.equals("--")) {
                optionsEnded = true;
            } else if (!optionsEnded && a.startsWith("--") && a.length() > 2) {
                int eq = a.indexOf('=');
                String name = eq < 0 ? a : a.substring(0, eq);
                if (!known.contains(name)) {
                    throw new UsageException("unknown option " + Terminal.safe(name));
                }
                if (eq < 0 && i + 1 >= args.size()) {
                    throw new UsageException("option " + name + " needs a value");
                }
                options.put(name, eq < 0 ? args.get(++i) : a.substring(eq + 1));
            } else if (!optionsEnded && a.startsWith("-") && !a.equals("-")) {
                throw new UsageException("unknown option " + Terminal.safe(a));
            } else {
                paths.add(a);
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("no PATH given (a file, a directory or - for standard input)");
        }
        return new Arguments(options, paths);
    }

    /** The value of an option restricted to {@code allowed}, or {@code fallback} when absent. */
    String choice(String name, List<String> allowed, String fallback) throws UsageException {
        String value = options.getOrDefault(name, fallback);
        if (value == null || !allowed.contains(value)) {
            throw new UsageException(name + (value == null ? " is required" : " must be") + " one of " + String.join(", ", allowed));
        }
        return value;
    }
}
