package io.firewatch.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Recognises one shape of JSON document by its content and turns it into firewall changes, or unwraps it into the
 * documents it carries (an envelope). {@link Normalizers} asks each in a fixed order.
 */
public interface Normalizer {

    /** True when this normalizer owns documents of this shape, firewall change or not. */
    boolean recognizes(JsonNode document);

    /** Called only for recognised documents. Reports everything it finds to {@code out}; never throws for bad input. */
    void normalize(JsonNode document, Origin origin, Sink out);

    /** Receives what a normalizer found. */
    interface Sink {
        /** A firewall change (successful or failed). */
        void change(io.firewatch.core.model.FirewallChange change);

        /** A document carried inside an envelope, recognised again from the top. */
        void nested(JsonNode document, Origin origin);

        /** Bytes carried inside an envelope (an SQS body, base64 Pub/Sub data): parsed like an input file. */
        void nestedBytes(byte[] content, Origin origin);

        /** A recognised event that is not a firewall change (a read, another service): no alert. */
        void ignored(Origin origin, String why);

        /** Something wrong with the input. */
        void problem(Problem problem);
    }
}
