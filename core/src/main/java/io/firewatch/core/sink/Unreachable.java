package io.firewatch.core.sink;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;

/** Recognises a server that cannot be reached at all, and says why in a reader's words rather than Java's. */
final class Unreachable {
    private Unreachable() {
    }

    /** "unknown host", "connection refused", ... for a failure no quick retry can cure; null for any other. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host (the name does not resolve)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to the host";
            }
            if (t instanceof SSLHandshakeException) {
                return "the TLS handshake failed (" + (t.getMessage() == null ? "no detail" : Redaction.reply(t.getMessage(), 120)) + ")";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused (nothing listens on that port)";
            }
        }
        return null;
    }
}
