package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.nio.charset.StandardCharsets;

/**
 * An SQS message carrying an event in its body: a Lambda SQS record ({@code eventSource: "aws:sqs"}, {@code body}) or
 * a message as the SQS API returns it ({@code MessageId}, {@code Body}). The body is read like an input file.
 */
final class SqsMessageNormalizer implements Normalizer {

    @Override
    public boolean recognizes(JsonNode document) {
        return isLambdaRecord(document) || Json.hasAll(document, "MessageId", "Body");
    }

    private static boolean isLambdaRecord(JsonNode document) {
        JsonNode source = document.get("eventSource");
        return source != null && "aws:sqs".equals(source.asText()) && document.has("body");
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        boolean lambda = isLambdaRecord(document);
        JsonNode body = document.get(lambda ? "body" : "Body");
        String id = Json.text(document, lambda ? "messageId" : "MessageId");
        Origin inner = origin.child("sqs:" + (id == null ? "?" : id));
        if (!body.isTextual()) {
            out.problem(new Problem(inner, Problem.Kind.INVALID, "SQS message body is not text"));
            return;
        }
        out.nestedBytes(body.asText().getBytes(StandardCharsets.UTF_8), inner);
    }
}
