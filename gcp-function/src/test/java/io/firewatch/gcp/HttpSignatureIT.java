package io.firewatch.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The function as a Pub/Sub push subscription reaches it: deployed without an event trigger, so an HTTP function (the
 * invoker also deduces this signature on its own, HTTP coming first). Every CloudEvent shape still works, and so does
 * the plain push request.
 */
class HttpSignatureIT extends EndToEndTests {

    @BeforeAll
    static void startFunction() throws Exception {
        start("http-signature", null);
    }

    @Override
    int rejectedStatus() {
        return 400;
    }

    @Test
    void pubSubPushRequest() throws Exception {
        String rule = rule("push");
        HttpResponse<String> r = function.post(Map.of("Content-Type", "application/json"),
                Events.pushRequest(insertFirst(rule), "9601"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged("9601");
        assertThat(logLines("alert", "9601")).singleElement()
                .satisfies(l -> assertThat(l.path("subscription").asText()).isEqualTo("projects/acme-security/subscriptions/firewatch-push"));
        assertWebhookPosts(rule, 1);
    }

    @Test
    void pubSubPushRequestWithUnreadableDataIsNotAcknowledged() throws Exception {
        String body = "{\"message\":{\"data\":\"" + java.util.Base64.getEncoder().encodeToString("{\"protoPayload\":".getBytes(StandardCharsets.UTF_8))
                + "\",\"messageId\":\"9602\",\"publishTime\":\"" + Events.PUBLISH_TIME + "\"},\"subscription\":\"projects/acme-security/subscriptions/firewatch-push\"}";
        HttpResponse<String> r = function.post(Map.of("Content-Type", "application/json"), body);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(logLines("unreadable message, not acknowledged", "9602")).isNotEmpty();
    }

    @Test
    void requestThatIsNotJsonIsNotAcknowledged() throws Exception {
        HttpResponse<String> r = function.post(Map.of("Content-Type", "application/json"), "\u0000\u0001 binary junk");

        assertThat(r.statusCode()).isEqualTo(400);
    }

    /** The repository's GCP samples (samples/gcp), posted as they are: each one is read and alerted on. */
    @Test
    void repositorySamplesAreAcceptedAsPosted() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("..", "samples", "gcp"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(samples).isNotEmpty();
        for (Path sample : samples) {
            String body = Files.readString(sample, StandardCharsets.UTF_8);
            long before = alertLineCount();
            HttpResponse<String> r = function.post(Map.of("Content-Type",
                    body.contains("\"specversion\"") ? "application/cloudevents+json" : "application/json"), body);

            assertThat(r.statusCode()).as(sample.toString()).isEqualTo(200);
            assertThat(alertLineCount()).as(sample.toString()).isGreaterThan(before);
        }
    }

    private static long alertLineCount() throws Exception {
        return function.logLines().stream().filter(l -> "alert".equals(l.path("message").asText())).count();
    }

    @Test
    void getIsNoEvent() throws Exception {
        assertThat(function.get().statusCode()).isEqualTo(405);
        assertThat(teams.getAllServeEvents()).isEmpty();
    }
}
