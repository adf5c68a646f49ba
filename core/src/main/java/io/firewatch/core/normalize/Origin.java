package io.firewatch.core.normalize;

/**
 * Where a JSON document came from: the input's name, the line it started on (0 when unknown) and its path inside
 * containers and envelopes (e.g. {@code Records[12]}, {@code body}, {@code message.data}).
 */
public record Origin(String source, long line, String path) {

    public static Origin of(String source) {
        return new Origin(source, 0, "");
    }

    public Origin atLine(long newLine) {
        return new Origin(source, newLine, path);
    }

    public Origin child(String segment) {
        return new Origin(source, line, path.isEmpty() ? segment : path + "/" + segment);
    }

    /** {@code file:line (path)}, the form diagnostics use. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(source);
        if (line > 0) {
            b.append(':').append(line);
        }
        if (!path.isEmpty()) {
            b.append(" (").append(path).append(')');
        }
        return b.toString();
    }
}
