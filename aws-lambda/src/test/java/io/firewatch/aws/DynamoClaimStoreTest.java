package io.firewatch.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.testing.NodeEmulator;
import io.firewatch.core.testing.StandInSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Exactly once across "containers": separately built handlers share one DynamoDB table served by dynalite (an
 * open-source DynamoDB implementation) and deliver to a Teams stand-in (WireMock) and an email stand-in (GreenMail).
 */
class DynamoClaimStoreTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TABLE = "firewatch-dedup";
    private static final String WEBHOOK = "/workflows/abc/triggers/manual/paths/invoke";

    @RegisterExtension
    static final WireMockExtension TEAMS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("soc@example.com", "soc", "secret"));

    private NodeEmulator dynalite;
    private DynamoDbClient admin;

    @BeforeEach
    void startDynalite() throws IOException {
        dynalite = NodeEmulator.start(NodeEmulator.modules("dynalite"),
                "const s = require('dynalite')({createTableMs: 0});"
                        + "s.listen(0, '127.0.0.1', () => console.log('FIREWATCH_PORT=' + s.address().port));");
        System.setProperty("aws.region", "eu-west-1");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret");
        admin = DynamoDbClient.builder().endpointOverride(URI.create(dynalite.url())).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        admin.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stopDynalite() {
        // Both are null when the emulator is not installed and the test was skipped.
        if (admin != null) {
            admin.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = StandInSettings.teamsAndEmail(TEAMS.baseUrl() + WEBHOOK + "?sig=s3cret",
                MAIL.getSmtp().getPort(), "soc@example.com");
        env.put("FIREWATCH_DEDUP_TABLE", TABLE);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynalite.url());
        return env;
    }

    /** A fresh handler: what a new Lambda container builds. */
    private JsonNode invokeNewContainer(byte[] event, PrintStream log) throws IOException {
        EventBridgeHandler handler = new EventBridgeHandler(env(), SecretResolver.NONE, Clock.systemUTC(), log);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(UUID.randomUUID().toString(), 8_000));
        return MAPPER.readTree(out.toByteArray());
    }

    private JsonNode invokeNewContainer(byte[] event) throws IOException {
        return invokeNewContainer(event, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static int teamsCalls() {
        return TEAMS.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).size();
    }

    @Test
    void oneEventSeenByTwoContainersReachesEachSinkOnce() throws IOException {
        invokeNewContainer(Events.bytes(Events.SSH_WORLD));
        invokeNewContainer(Events.bytes(Events.SSH_WORLD));

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(admin.scan(b -> b.tableName(TABLE)).items()).hasSize(2).allSatisfy(item -> {
            assertThat(item.get("state").s()).isEqualTo("done");
            assertThat(item.get("id").s()).matches(".+#(teams|email)");
            assertThat(Long.parseLong(item.get("expiresAt").n())).isGreaterThan(Instant.now().plusSeconds(160 * 3600).getEpochSecond());
        });
    }

    @Test
    void anSqsBatchRetriedAfterATeamsErrorReSendsOnlyToTeams() throws IOException {
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(500)));
        JsonNode first = invokeNewContainer(Events.bytes(Events.SQS_ONE_BAD));
        assertThat(first.path("batchItemFailures").size()).isGreaterThan(1);
        int mailsAfterFirst = MAIL.getReceivedMessages().length;
        assertThat(mailsAfterFirst).isEqualTo(2);

        TEAMS.resetRequests();
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
        JsonNode retry = invokeNewContainer(Events.bytes(Events.SQS_ONE_BAD));

        assertThat(retry.path("batchItemFailures")).hasSize(1);
        assertThat(teamsCalls()).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(mailsAfterFirst);
    }

    @Test
    void aClaimLeftByACrashedContainerIsTakenOverOnceItsLeaseHasRunOut() throws IOException {
        invokeNewContainer(Events.bytes(Events.SSH_WORLD));
        String teamsKey = admin.scan(b -> b.tableName(TABLE)).items().stream().map(i -> i.get("id").s())
                .filter(id -> id.endsWith("#teams")).findFirst().orElseThrow();
        TEAMS.resetRequests();
        // The crashed container claimed the key, then died before sending; its lease ended a second ago.
        admin.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(teamsKey),
                "state", AttributeValue.fromS("pending"), "owner", AttributeValue.fromS("crashed"),
                "leaseUntil", AttributeValue.fromN(Long.toString(Instant.now().minusSeconds(1).toEpochMilli())),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())))));
        invokeNewContainer(Events.bytes(Events.SSH_WORLD));
        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        // A live lease means the other container is sending right now: not sent, the input fails for a retry.
        admin.putItem(b -> b.tableName(TABLE).item(Map.of("id", AttributeValue.fromS(teamsKey),
                "state", AttributeValue.fromS("pending"), "owner", AttributeValue.fromS("busy"),
                "leaseUntil", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(300).toEpochMilli())),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plusSeconds(3600).getEpochSecond())))));
        assertThatThrownBy(() -> invokeNewContainer(Events.bytes(Events.SSH_WORLD)))
                .isInstanceOf(DeliveryFailedException.class);
        assertThat(teamsCalls()).isEqualTo(1);
    }

    @Test
    void withTheStoreStoppedAlertsAreStillDeliveredAndTheLogSaysWhy() throws IOException {
        dynalite.close();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            invokeNewContainer(Events.bytes(Events.SSH_WORLD));
        } finally {
            System.setErr(originalErr);
        }
        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("delivery claim claim failed")
                .contains("could not be reached").contains("a duplicate beats a loss");
    }
}
