package io.firewatch.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What Lambda handed the function: an SQS batch ({@code {"Records":[{"eventSource":"aws:sqs",...}]}}) or anything
 * else, which is read as one input (an EventBridge event, normally). Only the envelope is looked at here; the
 * content is core's business.
 */
sealed interface LambdaInput {
    ObjectMapper MAPPER = new ObjectMapper();

    /** One SQS message; {@code body} is null when the record has no text body. */
    record SqsMessage(String messageId, String body) {
    }

    record SqsBatch(List<SqsMessage> messages) implements LambdaInput {
    }

    /** A single input, named for logs: {@code eventbridge:<event id>} or {@code invocation:<request id>}. */
    record Single(byte[] content, String source) implements LambdaInput {
    }

    static LambdaInput of(byte[] content, String requestId) {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (IOException | RuntimeException e) {
            root = null;
        }
        if (root != null && isSqsBatch(root)) {
            List<SqsMessage> messages = new ArrayList<>();
            for (JsonNode record : root.get("Records")) {
                JsonNode id = record.get("messageId");
                JsonNode body = record.get("body");
                messages.add(new SqsMessage(id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : null,
                        body != null && body.isTextual() ? body.asText() : null));
            }
            return new SqsBatch(messages);
        }
        return new Single(content, sourceName(root, requestId));
    }

    private static boolean isSqsBatch(JsonNode root) {
        JsonNode records = root.get("Records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            return false;
        }
        JsonNode first = records.get(0);
        return first.isObject() && "aws:sqs".equals(first.path("eventSource").asText(null));
    }

    private static String sourceName(JsonNode root, String requestId) {
        if (root != null && root.isObject() && root.path("detail-type").isTextual() && root.path("id").isTextual()) {
            return "eventbridge:" + root.get("id").asText();
        }
        return "invocation:" + (requestId == null ? "unknown" : requestId);
    }
}
