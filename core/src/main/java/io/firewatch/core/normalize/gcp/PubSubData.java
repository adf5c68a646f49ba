package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.util.Base64;

/**
 * Unwraps the base64 {@code data} of a Pub/Sub message. A log sink publishes each LogEntry as UTF-8 JSON, so data
 * that does not decode, or decodes to something other than JSON, is invalid input, reported under the message id.
 */
final class PubSubData {
    private PubSubData() {
    }

    /** The message id ({@code messageId} or {@code message_id}), or null. */
    static String messageId(JsonNode message) {
        return Json.firstText(message, "messageId", "message_id");
    }

    /** The origin of a message's payload: {@code pubsub:<messageId>} below the envelope. */
    static Origin origin(Origin envelope, String messageId) {
        return envelope.child(messageId == null ? "pubsub" : "pubsub:" + messageId);
    }

    /** Decodes {@code message.data} and hands the bytes on to be read like an input file. */
    static void forwardMessage(JsonNode message, Origin envelope, Normalizer.Sink out) {
        String id = messageId(message);
        forward(Json.field(message, "data"), origin(envelope, id), out);
    }

    /** Decodes base64 data and hands the bytes on, under {@code origin}. */
    static void forward(JsonNode data, Origin origin, Normalizer.Sink out) {
        if (data.isMissingNode() || data.isNull()) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, "Pub/Sub message without data"));
            return;
        }
        if (!data.isTextual()) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, "Pub/Sub data is not a base64 string"));
            return;
        }
        byte[] bytes = decode(data.asText());
        if (bytes == null) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, "Pub/Sub data is not valid base64"));
            return;
        }
        if (!looksLikeJson(bytes)) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, bytes.length == 0 ? "Pub/Sub data is empty"
                    : "Pub/Sub data is not JSON (a log sink publishes each LogEntry as JSON)"));
            return;
        }
        out.nestedBytes(bytes, origin);
    }

    /** Standard base64 (padding optional), else the URL-safe alphabet; null when neither reads it. */
    static byte[] decode(String text) {
        String t = text.strip();
        try {
            return Base64.getDecoder().decode(t);
        } catch (IllegalArgumentException e) {
            try {
                return Base64.getUrlDecoder().decode(t);
            } catch (IllegalArgumentException again) {
                return null;
            }
        }
    }

    /** JSON text (after blanks and a byte-order mark) or gzip, which the document reader unpacks. */
    private static boolean looksLikeJson(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            return true;
        }
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
    }
}
