package io.firewatch.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.sink.DeliveryReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One call of the handler. Each input (the event, or each SQS message on its own) is scanned, its alerts logged
 * and delivered before the next; an input fails when it could not be read or recognised, or when a delivery that
 * may succeed later did not. Bad input never escapes as an exception: only a whole-invocation retry signal does.
 */
final class Invocation {
    private final Pipeline pipeline;
    private final JsonLog log;
    private final String requestId;
    private final Supplier<Duration> budget;

    Invocation(Pipeline pipeline, JsonLog log, String requestId, Supplier<Duration> budget) {
        this.pipeline = pipeline;
        this.log = log;
        this.requestId = requestId;
        this.budget = budget;
    }

    /** The response body for Lambda. Throws {@link DeliveryFailedException} when a direct event must be retried. */
    byte[] handle(byte[] content) {
        LambdaInput input = LambdaInput.of(content, requestId);
        if (input instanceof LambdaInput.SqsBatch batch) {
            return batch(batch.messages());
        }
        LambdaInput.Single single = (LambdaInput.Single) input;
        Result r = process(single.source(), single.content());
        if (r.retryDelivery) {
            throw new DeliveryFailedException("alerts of " + single.source() + " could not all be delivered; see the delivery-failure lines");
        }
        ObjectNode response = LambdaInput.MAPPER.createObjectNode();
        response.put("input", single.source());
        response.put("alerts", r.alerts);
        response.put("failed", !r.inputOk);
        return json(response);
    }

    private byte[] batch(List<LambdaInput.SqsMessage> messages) {
        List<String> failed = new ArrayList<>();
        boolean unnamedFailure = false;
        for (int i = 0; i < messages.size(); i++) {
            LambdaInput.SqsMessage m = messages.get(i);
            String source = "sqs:" + (m.messageId() != null ? m.messageId() : "Records[" + i + "]");
            Result r;
            if (m.body() == null) {
                log.inputFailure(requestId, source, "message has no text body");
                r = Result.FAILED_INPUT;
            } else {
                r = process(source, m.body().getBytes(StandardCharsets.UTF_8));
            }
            if (!r.inputOk || r.retryDelivery) {
                if (m.messageId() == null) {
                    unnamedFailure = true;
                } else {
                    failed.add(m.messageId());
                }
            }
        }
        if (unnamedFailure) {
            // Lambda cannot be told which record failed, so the whole batch goes back to the queue.
            throw new IllegalStateException("a failed SQS record has no messageId");
        }
        ObjectNode response = LambdaInput.MAPPER.createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        failed.forEach(id -> failures.addObject().put("itemIdentifier", id));
        return json(response);
    }

    private Result process(String source, byte[] content) {
        List<Alert> alerts = new ArrayList<>();
        InputResult result;
        try {
            Scan scan = pipeline.firewatch().newScan(alerts::add);
            result = scan.read(content, source);
            scan.finish();
        } catch (RuntimeException e) {
            log.inputFailure(requestId, source, "could not be scanned: " + e.getClass().getSimpleName());
            return Result.FAILED_INPUT;
        }
        for (Problem p : result.problems()) {
            log.problem(requestId, source, p);
        }
        boolean inputOk = result.ok();
        if (inputOk && result.documents() == 0) {
            log.inputFailure(requestId, source, "no event in the input");
            inputOk = false;
        }
        for (Alert a : alerts) {
            log.alert(requestId, source, a);
        }
        DeliveryReport report = pipeline.dispatcher().dispatch(alerts, budget.get());
        for (DeliveryReport.Failure f : report.failures()) {
            log.deliveryFailure(requestId, source, f);
        }
        boolean retry = report.retryable();
        // The response follows the delivery attempt whatever its result: a world-open rule is not left open because
        // a sink was down. Its outcome goes to the same sinks as a follow-up alert.
        List<Alert> followUps = pipeline.response().carryOut(alerts);
        if (!followUps.isEmpty()) {
            for (Alert f : followUps) {
                log.alert(requestId, source, f);
            }
            DeliveryReport followUpReport = pipeline.dispatcher().dispatch(followUps, budget.get());
            for (DeliveryReport.Failure f : followUpReport.failures()) {
                log.deliveryFailure(requestId, source, f);
            }
            retry |= followUpReport.retryable();
        }
        return new Result(inputOk, retry, alerts.size());
    }

    private static byte[] json(ObjectNode node) {
        try {
            return LambdaInput.MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private record Result(boolean inputOk, boolean retryDelivery, int alerts) {
        static final Result FAILED_INPUT = new Result(false, false, 0);
    }
}
