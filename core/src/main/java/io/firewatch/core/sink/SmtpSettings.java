package io.firewatch.core.sink;

import java.util.List;

/**
 * Where and how the email sink connects. Built by {@code Settings} from the environment; the password is never shown
 * by {@link #toString()}.
 *
 * @param username null for an unauthenticated relay
 * @param to       one or more recipient addresses
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from,
                           List<String> to) {

    /** How the connection is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which is required (port 587, the default). */
        STARTTLS,
        /** TLS from the first byte (port 465). */
        IMPLICIT_TLS,
        /** No TLS: only for a relay on a trusted network ({@code FIREWATCH_SMTP_STARTTLS=false}). */
        NONE
    }

    public SmtpSettings {
        if (host == null || from == null || to == null || to.isEmpty() || security == null) {
            throw new IllegalArgumentException("host, security, from and at least one recipient are required");
        }
        to = List.copyOf(to);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
                + ", password=" + (password == null ? "none" : "(redacted)") + ", from=" + from + ", to=" + to + "]";
    }
}
