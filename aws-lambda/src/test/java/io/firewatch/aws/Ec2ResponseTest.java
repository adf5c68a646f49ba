package io.firewatch.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Response;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.RecordingSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The automatic response (CONTRACT §6) through the handler, with the real EC2 client against a local endpoint. */
class Ec2ResponseTest {
    private static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private static final String NACL_EVENT = "cloudtrail-create-nacl-entry-allow-all.json";

    private WireMockServer ec2;
    private final RecordingSink sink = new RecordingSink();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeEach
    void start() {
        ec2 = new WireMockServer(options().dynamicPort());
        ec2.start();
    }

    @AfterEach
    void stop() {
        ec2.stop();
    }

    private EventBridgeHandler handler(ResponseMode mode, String homeAccount) {
        Firewatch firewatch = new Firewatch(FirewatchConfig.defaults(), ChangeEnricher.NONE,
                new ResponseSettings(mode, Severity.CRITICAL));
        Ec2Responder responder = new Ec2Responder(new Ec2Api(UrlConnectionHttpClient.create(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "test-secret")),
                region -> URI.create(ec2.baseUrl() + "/")), () -> homeAccount);
        Pipeline pipeline = new Pipeline(firewatch, new Dispatcher(List.of(sink), Severity.MEDIUM),
                new AutomaticResponse(firewatch.responsePlanner(), responder));
        return new EventBridgeHandler(pipeline, Clock.systemUTC(), new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private void invoke(EventBridgeHandler handler, String event) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(Events.bytes(event)), new ByteArrayOutputStream(),
                new TestContext("req-1", 30_000));
    }

    private void answer(String action, int status, String body) {
        ec2.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private void group(String tagsXml) {
        answer("DescribeSecurityGroups", 200, "<DescribeSecurityGroupsResponse " + NS + "><requestId>r1</requestId>"
                + "<securityGroupInfo><item><ownerId>111122223333</ownerId><groupId>sg-0a1b2c3d4e5f67890</groupId>"
                + "<groupName>web</groupName><groupDescription>web</groupDescription><vpcId>vpc-1</vpcId>"
                + "<ipPermissions/><ipPermissionsEgress/>" + tagsXml + "</item></securityGroupInfo></DescribeSecurityGroupsResponse>");
    }

    private static String error(String code) {
        return "<Response><Errors><Error><Code>" + code + "</Code><Message>test</Message></Error></Errors>"
                + "<RequestID>r9</RequestID></Response>";
    }

    private List<Map<String, String>> calls() {
        return ec2.findAll(postRequestedFor(urlEqualTo("/"))).stream().map(Ec2ResponseTest::form).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private Alert followUp() {
        return sink.sent.stream().filter(a -> a.id().endsWith(AutomaticResponse.FOLLOW_UP_SUFFIX)).findFirst().orElseThrow();
    }

    @Test
    void enforceRevokesExactlyTheAddedRuleByItsIdAndSendsTheOutcome() throws IOException {
        group("");
        answer("RevokeSecurityGroupIngress", 200, "<RevokeSecurityGroupIngressResponse " + NS
                + "><requestId>r2</requestId><return>true</return></RevokeSecurityGroupIngressResponse>");

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), Events.SSH_WORLD);

        List<Map<String, String>> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactlyInAnyOrderEntriesOf(Map.of("Action", "DescribeSecurityGroups",
                "Version", "2016-11-15", "GroupId.1", "sg-0a1b2c3d4e5f67890"));
        assertThat(ec2.findAll(postRequestedFor(urlEqualTo("/"))).get(1).getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/ec2/aws4_request");
        assertThat(calls.get(1)).containsExactlyInAnyOrderEntriesOf(Map.of("Action", "RevokeSecurityGroupIngress",
                "Version", "2016-11-15", "GroupId", "sg-0a1b2c3d4e5f67890", "SecurityGroupRuleId.1", "sgr-0123456789abcdef0"));
        assertThat(sink.sent).hasSize(2);
        Alert alert = sink.sent.stream().filter(a -> a.response().planned()).findFirst().orElseThrow();
        assertThat(alert.response().detail()).startsWith("will revoke security group rule sgr-0123456789abcdef0");
        Response outcome = followUp().response();
        assertThat(outcome.status()).isEqualTo(Response.Status.DONE);
        assertThat(outcome.action()).isEqualTo("revoke-rule");
        assertThat(outcome.detail()).isEqualTo("taken back: revoked security group rule sgr-0123456789abcdef0 (tcp/22 from 0.0.0.0/0) from sg-0a1b2c3d4e5f67890");
    }

    @Test
    void dryRunSaysWhatWouldBeDoneAndSendsNothingToTheCloud() throws IOException {
        invoke(handler(ResponseMode.DRY_RUN, "111122223333"), Events.SSH_WORLD);

        assertThat(ec2.getAllServeEvents()).isEmpty();
        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.response().mode()).isEqualTo(ResponseMode.DRY_RUN);
            assertThat(a.response().status()).isEqualTo(Response.Status.PLANNED);
            assertThat(a.response().detail()).startsWith("would revoke security group rule sgr-0123456789abcdef0");
        });
    }

    @Test
    void aRuleAlreadyGoneIsSkipped() throws IOException {
        group("");
        answer("RevokeSecurityGroupIngress", 400, error("InvalidSecurityGroupRuleId.NotFound"));

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), Events.SSH_WORLD);

        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(followUp().response().detail()).contains("already gone");
    }

    @Test
    void aGroupAlreadyDeletedIsSkippedWithoutARevoke() throws IOException {
        answer("DescribeSecurityGroups", 400, error("InvalidGroup.NotFound"));

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), Events.SSH_WORLD);

        assertThat(calls()).extracting(c -> c.get("Action")).containsExactly("DescribeSecurityGroups");
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
    }

    @Test
    void aRefusalIsFailedWithTheReasonInTheFollowUp() throws IOException {
        group("");
        answer("RevokeSecurityGroupIngress", 403, error("UnauthorizedOperation"));

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), Events.SSH_WORLD);

        Response outcome = followUp().response();
        assertThat(outcome.status()).isEqualTo(Response.Status.FAILED);
        assertThat(outcome.detail()).startsWith("could not take back: AWS refused: UnauthorizedOperation (HTTP 403)")
                .contains("response_mode");
    }

    @Test
    void aGroupTaggedOffIsNeverTouched() throws IOException {
        group("<tagSet><item><key>firewatch-response</key><value>off</value></item></tagSet>");

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), Events.SSH_WORLD);

        assertThat(calls()).extracting(c -> c.get("Action")).containsExactly("DescribeSecurityGroups");
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(followUp().response().detail()).contains("tagged firewatch-response=off");
    }

    @Test
    void aSuppressedAlertIsNeverAnswered() throws IOException {
        Firewatch firewatch = new Firewatch(FirewatchConfig.parse("{\"allow\":[{\"account\":\"111122223333\"}]}"),
                ChangeEnricher.NONE, new ResponseSettings(ResponseMode.ENFORCE, Severity.CRITICAL));
        Pipeline pipeline = new Pipeline(firewatch, new Dispatcher(List.of(sink), Severity.MEDIUM),
                new AutomaticResponse(firewatch.responsePlanner(), new Ec2Responder(new Ec2Api(UrlConnectionHttpClient.create(),
                        () -> {
                            throw new AssertionError("no call may be made for a suppressed alert");
                        }, region -> URI.create(ec2.baseUrl() + "/")), () -> "111122223333")));
        invoke(new EventBridgeHandler(pipeline, Clock.systemUTC(), new PrintStream(logBytes, true, StandardCharsets.UTF_8)),
                Events.SSH_WORLD);

        assertThat(ec2.getAllServeEvents()).isEmpty();
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void aRuleInAnotherAccountIsNotTouched() throws IOException {
        invoke(handler(ResponseMode.ENFORCE, "999988887777"), Events.SSH_WORLD);

        assertThat(ec2.getAllServeEvents()).isEmpty();
        assertThat(followUp().response().status()).isEqualTo(Response.Status.FAILED);
        assertThat(followUp().response().detail()).contains("account 111122223333").contains("999988887777");
    }

    @Test
    void aNetworkAclEntryTheChangeCreatedIsDeleted() throws IOException {
        answer("DescribeNetworkAcls", 200, "<DescribeNetworkAclsResponse " + NS + "><requestId>r1</requestId><networkAclSet><item>"
                + "<networkAclId>acl-0123abcd4567ef890</networkAclId><vpcId>vpc-1</vpcId><default>false</default><entrySet>"
                + "<item><ruleNumber>1</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>false</egress>"
                + "<cidrBlock>0.0.0.0/0</cidrBlock></item>"
                + "<item><ruleNumber>1</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>true</egress>"
                + "<cidrBlock>0.0.0.0/0</cidrBlock></item>"
                + "</entrySet><associationSet/><tagSet/></item></networkAclSet></DescribeNetworkAclsResponse>");
        answer("DeleteNetworkAclEntry", 200, "<DeleteNetworkAclEntryResponse " + NS
                + "><requestId>r2</requestId><return>true</return></DeleteNetworkAclEntryResponse>");

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), NACL_EVENT);

        List<Map<String, String>> calls = calls();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(1)).containsExactlyInAnyOrderEntriesOf(Map.of("Action", "DeleteNetworkAclEntry",
                "Version", "2016-11-15", "NetworkAclId", "acl-0123abcd4567ef890", "RuleNumber", "1", "Egress", "false"));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.DONE);
        assertThat(followUp().response().action()).isEqualTo("delete-entry");
    }

    @Test
    void aNetworkAclEntryChangedSinceIsLeftAlone() throws IOException {
        answer("DescribeNetworkAcls", 200, "<DescribeNetworkAclsResponse " + NS + "><requestId>r1</requestId><networkAclSet><item>"
                + "<networkAclId>acl-0123abcd4567ef890</networkAclId><entrySet>"
                + "<item><ruleNumber>1</ruleNumber><protocol>6</protocol><ruleAction>allow</ruleAction><egress>false</egress>"
                + "<cidrBlock>10.0.0.0/8</cidrBlock></item></entrySet><tagSet/></item></networkAclSet></DescribeNetworkAclsResponse>");

        invoke(handler(ResponseMode.ENFORCE, "111122223333"), NACL_EVENT);

        assertThat(calls()).extracting(c -> c.get("Action")).containsExactly("DescribeNetworkAcls");
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
    }

    @Test
    void withoutRuleIdsTheExactWorldOpenPermissionIsRevoked() throws IOException {
        group("");
        answer("RevokeSecurityGroupIngress", 200, "<RevokeSecurityGroupIngressResponse " + NS
                + "><requestId>r2</requestId><return>true</return></RevokeSecurityGroupIngressResponse>");
        String event = new String(Events.bytes(Events.SSH_WORLD), StandardCharsets.UTF_8)
                .replaceFirst("\"securityGroupRuleSet\"\\s*:", "\"ruleSetNotLogged\":");
        handler(ResponseMode.ENFORCE, "111122223333").handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(),
                new TestContext("req-2", 30_000));

        assertThat(calls().get(1)).containsExactlyInAnyOrderEntriesOf(Map.of("Action", "RevokeSecurityGroupIngress",
                "Version", "2016-11-15", "GroupId", "sg-0a1b2c3d4e5f67890", "IpPermissions.1.IpProtocol", "tcp",
                "IpPermissions.1.FromPort", "22", "IpPermissions.1.ToPort", "22", "IpPermissions.1.IpRanges.1.CidrIp", "0.0.0.0/0"));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.DONE);
    }

    @Test
    void eachRegionIsCalledAtItsPartitionsEndpoint() {
        assertThat(Ec2Api.regionalEndpoint("eu-west-1")).hasToString("https://ec2.eu-west-1.amazonaws.com/");
        assertThat(Ec2Api.regionalEndpoint("cn-north-1")).hasToString("https://ec2.cn-north-1.amazonaws.com.cn/");
    }
}
