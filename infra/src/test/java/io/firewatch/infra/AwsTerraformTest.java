package io.firewatch.infra;

import static io.firewatch.infra.support.AwsHcl.repeated;
import static io.firewatch.infra.support.AwsHcl.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Provider;
import io.firewatch.infra.support.AwsHcl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the wiring of {@code infra/aws} against core's catalogue and the limits of research/infra.md §1 and §4. */
class AwsTerraformTest {
    private static final Path MODULE = Path.of("aws");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** EventBridge's default quota for an event pattern. */
    private static final int MAX_PATTERN = 2048;

    private final AwsHcl main = AwsHcl.parse(MODULE.resolve("main.tf"));

    /** Each pattern as Terraform's jsonencode writes it: compact, object keys sorted. */
    private Map<String, String> renderedPatterns() throws IOException {
        ObjectMapper sorted = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Object> e : main.block("locals", "event_patterns").entrySet()) {
            Object tree = MAPPER.readValue(str(e.getValue()), Object.class);
            out.put(e.getKey(), sorted.writeValueAsString(tree));
        }
        return out;
    }

    @Test
    void rulesTogetherMatchExactlyTheCatalogueEachOperationOnce() throws IOException {
        Set<String> catalogue = OperationCatalog.load().operations(Provider.AWS).stream()
                .map(op -> op.service() + " " + op.operation()).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Integer> matchedBy = new HashMap<>();
        for (Map.Entry<String, String> rule : renderedPatterns().entrySet()) {
            JsonNode pattern = MAPPER.readTree(rule.getValue());
            assertThat(names(pattern)).as(rule.getKey()).containsExactlyInAnyOrder("detail-type", "detail");
            assertThat(strings(pattern.get("detail-type"))).containsExactly("AWS API Call via CloudTrail");
            JsonNode detail = pattern.get("detail");
            assertThat(names(detail)).as(rule.getKey()).containsExactlyInAnyOrder("eventSource", "eventName");
            for (String source : strings(detail.get("eventSource"))) {
                for (String name : strings(detail.get("eventName"))) {
                    matchedBy.merge(source + " " + name, 1, Integer::sum);
                }
            }
        }
        assertThat(matchedBy.keySet()).containsExactlyInAnyOrderElementsOf(catalogue);
        assertThat(matchedBy).allSatisfy((op, rules) -> assertThat(rules).as(op).isEqualTo(1));
    }

    @Test
    void everyPatternFitsTheQuotaAndTheBusHoldsTheRules() throws IOException {
        Map<String, String> patterns = renderedPatterns();
        assertThat(patterns).isNotEmpty().allSatisfy((source, json) -> assertThat(json.length()).as(source).isLessThanOrEqualTo(MAX_PATTERN));
        // Rules on one bus: one per source on the default bus (and as many on the central bus), far below 300.
        assertThat(patterns.size() * 2).isLessThanOrEqualTo(300);
    }

    @Test
    void everyRuleUsesThePatternsAndTargetsTheBufferWithADeadLetterQueue() {
        for (String rule : List.of("api_calls", "forwarded")) {
            Map<String, Object> r = main.block("resource", "aws_cloudwatch_event_rule", rule);
            assertThat(str(r.get("event_pattern"))).isEqualTo("each.value");
            assertThat(main.expression("resource \"aws_cloudwatch_event_rule\" \"" + rule + "\"", "for_each"))
                    .contains("local.event_patterns");
            Map<String, Object> t = main.block("resource", "aws_cloudwatch_event_target", rule);
            assertThat(str(t.get("for_each"))).isEqualTo("aws_cloudwatch_event_rule." + rule);
            assertThat(str(t.get("arn"))).isEqualTo("aws_sqs_queue.events.arn");
            assertThat(str(((Map<?, ?>) t.get("dead_letter_config")).get("arn"))).isEqualTo("aws_sqs_queue.dead_letters.arn");
            assertThat(t).doesNotContainKey("input_transformer").doesNotContainKey("input").doesNotContainKey("sqs_target");
        }
    }

    @Test
    void theQueueInvokesTheSnapStartAliasReportingBatchItemFailures() {
        Map<String, Object> mapping = main.block("resource", "aws_lambda_event_source_mapping", "events");
        assertThat(str(mapping.get("function_name"))).isEqualTo("aws_lambda_alias.live.arn");
        assertThat(str(mapping.get("event_source_arn"))).isEqualTo("aws_sqs_queue.events.arn");
        assertThat((List<?>) mapping.get("function_response_types")).map(Object::toString).containsExactly("ReportBatchItemFailures");
        assertThat(mapping).doesNotContainKey("starting_position");

        Map<String, Object> alias = main.block("resource", "aws_lambda_alias", "live");
        assertThat(str(alias.get("function_version"))).isEqualTo("aws_lambda_function.this.version");

        Map<String, Object> fn = main.block("resource", "aws_lambda_function", "this");
        assertThat(fn.get("publish")).isEqualTo(Boolean.TRUE);
        assertThat(str(((Map<?, ?>) fn.get("snap_start")).get("apply_on"))).isEqualTo("PublishedVersions");
        assertThat(str(fn.get("runtime"))).isIn("java21", "java25");
        assertThat(str(fn.get("handler"))).isEqualTo("io.firewatch.aws.EventBridgeHandler::handleRequest");
        assertThat(((Number) ((Map<?, ?>) fn.get("ephemeral_storage")).get("size")).intValue()).isLessThanOrEqualTo(512);
        assertThat(main.text()).doesNotContain("provisioned_concurrent_executions");
    }

    @Test
    void visibilityTimeoutIsAtLeastSixTimesTheFunctionTimeout() {
        assertThat(str(main.block("resource", "aws_lambda_function", "this").get("timeout"))).isEqualTo("var.timeout");
        String visibility = main.expression("resource \"aws_sqs_queue\" \"events\"", "visibility_timeout_seconds");
        Matcher m = Pattern.compile("var\\.timeout \\* (\\d+)|(\\d+) \\* var\\.timeout").matcher(visibility);
        assertThat(m.matches()).as(visibility).isTrue();
        assertThat(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2))).isGreaterThanOrEqualTo(6);
        // The largest allowed timeout still gives a visibility timeout SQS accepts (43,200 s).
        AwsHcl variables = AwsHcl.parse(MODULE.resolve("variables.tf"));
        assertThat(variables.expression("variable \"timeout\"", "default")).isEqualTo("60");
        assertThat(variables.text()).contains("var.timeout <= 900");
        assertThat(900 * 6).isLessThanOrEqualTo(43_200);

        String redrive = str(main.block("resource", "aws_sqs_queue", "events").get("redrive_policy"));
        assertThat(redrive).contains("deadLetterTargetArn").contains("aws_sqs_queue.dead_letters.arn").contains("maxReceiveCount");
    }

    @Test
    void functionRoleNamesOnlyItsOwnResources() {
        Map<String, List<String>> expected = Map.of(
                "WriteLogs", List.of("aws_cloudwatch_log_group.function.arn:*"),
                "ConsumeQueue", List.of("aws_sqs_queue.events.arn"),
                "PublishAlerts", List.of("aws_sns_topic.alerts.arn"),
                "EncryptAlerts", List.of("aws_kms_key.alerts.arn"));
        Map<String, Object> policy = main.block("data", "aws_iam_policy_document", "function");
        Map<String, List<String>> actual = new HashMap<>();
        List<String> actions = new ArrayList<>();
        for (Map<String, Object> s : repeated(policy.get("statement"))) {
            actual.put(str(s.get("sid")), ((List<?>) s.get("resources")).stream().map(Object::toString).toList());
            ((List<?>) s.get("actions")).forEach(a -> actions.add(a.toString()));
            assertThat(s).doesNotContainKey("effect").doesNotContainKey("not_actions").doesNotContainKey("not_resources");
        }
        assertThat(actual).isEqualTo(expected);

        List<Map<String, Object>> dynamic = repeated(((Map<?, ?>) policy.get("dynamic")).get("statement"));
        Map<String, String> dynamicSources = new HashMap<>();
        for (Map<String, Object> d : dynamic) {
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) d.get("content");
            String sid = str(content.get("sid"));
            if (sid.equals("ReadBeforeTakingBack")) {
                assertThat(str(content.get("resources"))).as("EC2 describes cannot be scoped").contains("*");
            } else if (sid.equals("TakeBackWorldOpenRules")) {
                assertThat(str(content.get("resources"))).contains(":security-group/*").contains(":network-acl/*");
                Map<?, ?> condition = (Map<?, ?>) content.get("condition");
                assertThat(str(condition.get("test"))).isEqualTo("StringNotEquals");
                assertThat(str(condition.get("variable"))).isEqualTo("aws:ResourceTag/firewatch-response");
            } else {
                assertThat(str(content.get("resources"))).contains("statement.value");
            }
            dynamicSources.put(sid, str(d.get("for_each")));
            ((List<?>) content.get("actions")).forEach(a -> actions.add(a.toString()));
        }
        assertThat(dynamicSources).containsOnlyKeys("ReadSecrets", "DecryptSecrets", "ClaimDeliveries", "ReadBeforeTakingBack",
                "TakeBackWorldOpenRules");
        assertThat(dynamicSources.get("ClaimDeliveries")).contains("aws_dynamodb_table.claims");
        // The claim grants exist only with the table; the EC2 writes only in enforce mode.
        assertThat(main.text()).contains("for_each = var.dedup_enabled ? [aws_dynamodb_table.claims[0].arn] : []");
        assertThat(main.text().split("for_each = var.response_mode == \"enforce\" \\? \\[1\\] : \\[\\]", -1)).hasSize(3);
        assertThat(dynamicSources.get("ReadSecrets")).contains("local.secret_arns");
        assertThat(dynamicSources.get("DecryptSecrets")).contains("var.secrets_kms_key_arns");
        // The secrets are exactly the two references the function resolves.
        assertThat(main.expression("locals", "secret_arns")).isEqualTo("compact([");
        assertThat(main.text()).contains("var.teams_webhook_url_secret_arn,\n    try(var.smtp.password_secret_arn, null),\n  ])");

        assertThat(actions).containsExactlyInAnyOrder(
                "logs:CreateLogStream", "logs:PutLogEvents",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility",
                "sns:Publish", "kms:GenerateDataKey*", "kms:Decrypt", "secretsmanager:GetSecretValue", "kms:Decrypt",
                "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteNetworkAclEntry");
    }

    @Test
    void queuePoliciesAdmitOnlyTheseRules() {
        for (String doc : List.of("events_queue", "dead_letters")) {
            List<Map<String, Object>> statements = repeated(main.block("data", "aws_iam_policy_document", doc).get("statement"));
            Map<String, Object> allow = statements.stream().filter(s -> !"Deny".equals(str(s.get("effect")))).findFirst().orElseThrow();
            assertThat(str(((Map<?, ?>) allow.get("principals")).get("identifiers"))).contains("events.amazonaws.com");
            assertThat((List<?>) allow.get("actions")).map(Object::toString).containsExactly("sqs:SendMessage");
            Map<?, ?> condition = (Map<?, ?>) allow.get("condition");
            assertThat(str(condition.get("test"))).isEqualTo("ArnEquals");
            assertThat(str(condition.get("variable"))).isEqualTo("aws:SourceArn");
            assertThat(str(condition.get("values"))).isEqualTo("local.rule_arns");
        }
        assertThat(main.text()).contains("[for rule in aws_cloudwatch_event_rule.api_calls : rule.arn]")
                .contains("[for rule in aws_cloudwatch_event_rule.forwarded : rule.arn]");
    }

    @Test
    void topicIsEncryptedWithAKeyCloudWatchMayUse() {
        Map<String, Object> topic = main.block("resource", "aws_sns_topic", "alerts");
        assertThat(str(topic.get("kms_master_key_id"))).isEqualTo("aws_kms_key.alerts.arn");
        List<Map<String, Object>> key = repeated(main.block("data", "aws_iam_policy_document", "alerts_key").get("statement"));
        assertThat(key).anySatisfy(s -> assertThat(str(((Map<?, ?>) s.get("principals")).get("identifiers")))
                .contains("cloudwatch.amazonaws.com"));
        assertThat(str(main.block("resource", "aws_kms_key", "alerts").get("enable_key_rotation"))).isEqualTo("true");
        // EventBridge is granted the key only for rules the user names, and the topic then admits exactly those.
        Map<?, ?> keyGrant = (Map<?, ?>) repeated(((Map<?, ?>) main.block("data", "aws_iam_policy_document", "alerts_key")
                .get("dynamic")).get("statement")).get(0).get("content");
        assertThat(str(((Map<?, ?>) keyGrant.get("principals")).get("identifiers"))).contains("events.amazonaws.com");
        assertThat(main.text()).contains("for_each = length(var.alert_topic_eventbridge_rule_arns) > 0 ? [1] : []");
        Map<?, ?> topicGrant = (Map<?, ?>) repeated(((Map<?, ?>) main.block("data", "aws_iam_policy_document", "alerts_topic")
                .get("dynamic")).get("statement")).get(0).get("content");
        assertThat(str(((Map<?, ?>) topicGrant.get("condition")).get("variable"))).isEqualTo("aws:SourceArn");
        Map<String, Object> alarm = main.block("resource", "aws_cloudwatch_metric_alarm", "dead_letters");
        assertThat(str(((Map<?, ?>) alarm.get("dimensions")).get("QueueName"))).isEqualTo("aws_sqs_queue.dead_letters.name");
        assertThat(str(main.block("resource", "aws_cloudwatch_metric_alarm", "function_errors").get("metric_name"))).isEqualTo("Errors");
    }

    @Test
    void forwardersReuseThePatternsAndReachTheBusThroughARole() {
        AwsHcl forwarder = AwsHcl.parse(MODULE.resolve("modules/forwarder/main.tf"));
        assertThat(forwarder.expression("resource \"aws_cloudwatch_event_rule\" \"forward\"", "event_pattern"))
                .isEqualTo("var.event_patterns[each.value[1]]");
        assertThat(forwarder.expression("resource \"aws_cloudwatch_event_rule\" \"forward\"", "region")).isEqualTo("each.value[0]");
        assertThat(forwarder.expression("locals", "rules")).contains("setproduct(var.regions, keys(var.event_patterns))");
        Map<String, Object> target = forwarder.block("resource", "aws_cloudwatch_event_target", "forward");
        assertThat(str(target.get("role_arn"))).isEqualTo("aws_iam_role.forward.arn");
        assertThat(str(target.get("arn"))).isEqualTo("var.target_event_bus_arn");
        Map<String, Object> put = repeated(forwarder.block("data", "aws_iam_policy_document", "forward").get("statement")).get(0);
        assertThat(str(put.get("resources"))).isEqualTo("[var.target_event_bus_arn]");

        for (String example : List.of("multi-region", "organization")) {
            AwsHcl ex = AwsHcl.parse(MODULE.resolve("examples/" + example + "/main.tf"));
            assertThat(ex.text()).contains("event_patterns       = module.firewatch.event_patterns")
                    .contains("target_event_bus_arn = module.firewatch.event_bus_arn")
                    .contains("\"us-east-1\"");
        }
        AwsHcl org = AwsHcl.parse(MODULE.resolve("examples/organization/main.tf"));
        assertThat(str(org.block("module", "firewatch").get("organization_id"))).startsWith("o-");
        List<Map<String, Object>> bus = repeated(((Map<?, ?>) main.block("data", "aws_iam_policy_document", "central_bus").get("dynamic")).get("statement"));
        assertThat(bus).anySatisfy(d -> assertThat(str(((Map<?, ?>) ((Map<?, ?>) d.get("content")).get("condition")).get("variable")))
                .isEqualTo("aws:PrincipalOrgID"));
    }

    @Test
    void providerIsAws6AndEveryFileIsInTheModuleLayout() throws IOException {
        for (Path versions : List.of(MODULE.resolve("versions.tf"), MODULE.resolve("modules/forwarder/versions.tf"))) {
            Map<String, Object> aws = AwsHcl.parse(versions).block("terraform", "required_providers", "aws");
            assertThat(str(aws.get("source"))).isEqualTo("hashicorp/aws");
            assertThat(str(aws.get("version"))).startsWith(">= 6.");
        }
        for (String f : List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md",
                "examples/multi-region/main.tf", "examples/organization/main.tf")) {
            assertThat(MODULE.resolve(f)).as(f).isRegularFile();
        }
        try (Stream<Path> files = Files.walk(MODULE)) {
            List<Path> tf = files.filter(p -> p.toString().endsWith(".tf")).toList();
            assertThat(tf).allSatisfy(p -> assertThat(AwsHcl.parse(p).text()).doesNotContain("\t"));
        }
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
