package io.firewatch.cli;

/** Makes event text safe for a terminal: control characters (ANSI escapes, CR, backspace) never reach it raw. */
final class Terminal {
    private Terminal() {
    }

    static String safe(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * The columns stdout may use: {@code $COLUMNS} when set, else the terminal's own width when stdout is one
     * ({@code stty size} on {@code /dev/tty}), else {@code fallback}.
     */
    static int width(java.util.Map<String, String> env, int fallback) {
        String columns = env.get("COLUMNS");
        if (columns != null && columns.strip().matches("\\d{1,4}") && Integer.parseInt(columns.strip()) > 0) {
            return Integer.parseInt(columns.strip());
        }
        if (!isTerminal(1)) {
            return fallback;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String size = new String(stty.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
            if (stty.waitFor() == 0 && size.matches("\\d+ \\d+")) {
                int width = Integer.parseInt(size.substring(size.indexOf(' ') + 1));
                return width > 0 ? width : fallback;
            }
        } catch (java.io.IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return fallback;
    }

    /** True when stderr is a terminal (Linux: fd 2 links to a tty); progress lines are shown only then. */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
