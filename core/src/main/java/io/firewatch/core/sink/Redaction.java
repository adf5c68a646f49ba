package io.firewatch.core.sink;

import java.net.URI;

/** Keeps secrets out of messages: a webhook URL carries its own signature, so only its host may be shown. */
final class Redaction {
    private Redaction() {
    }

    /** {@code https://host/…(redacted)}: enough to tell which endpoint failed, nothing to call it with. */
    static String url(URI uri) {
        String host = uri.getHost() == null ? "(no host)" : uri.getHost();
        return uri.getScheme() + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…(redacted)";
    }

    /** Removes every occurrence of each secret (and of its longer parts) from {@code text}. */
    static String scrub(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                out = out.replace(secret, "(redacted)");
            }
        }
        return out;
    }

    /** A server's reply, reduced to one short line without secrets, for an error message. */
    static String reply(String body, int max, String... secrets) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String clean = scrub(body, secrets);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < clean.length() && b.length() < max; i++) {
            char c = clean.charAt(i);
            b.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        String line = b.toString().replaceAll(" {2,}", " ").trim();
        return clean.length() > max ? line + "…" : line;
    }
}
