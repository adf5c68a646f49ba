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
            assertThat(names(pattern)).as(rule.getKey()).containsExactlyInAnyOrder("source", "detail-type", "detail");
            assertThat(strings(pattern.get("detail-type"))).containsExactly("AWS API Call via CloudTrail");
            JsonNode detail = pattern.get("detail");
            assertThat(names(detail)).as(rule.getKey()).containsExactlyInAnyOrder("eventSource", "eventName");
            // The service's own source: PutEvents refuses "aws." sources, so no one can forge what these rules pass on.
            assertThat(strings(pattern.get("source"))).as(rule.getKey()).containsExactlyElementsOf(strings(detail.get("eventSource"))
                    .stream().map(s -> "aws." + s.replaceFirst("\\.amazonaws\\.com$", "")).toList());
            assertThat(strings(pattern.get("source"))).as(rule.getKey()).hasSize(1).allSatisfy(s -> assertThat(s).matches("aws\\.[a-z0-9-]+"));
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

        Map<String, Map<String, Object>> dynamic = dynamicStatements(policy);
        assertThat(dynamic).containsOnlyKeys("ClaimDeliveries", "DescribeFirewallRules", "TakeBackWorldOpenRules", "ReadSecrets", "DecryptSecrets");
        for (String sid : List.of("ClaimDeliveries", "DescribeFirewallRules", "ReadSecrets", "DecryptSecrets")) {
            assertThat(str(content(dynamic.get(sid)).get("resources"))).as(sid).isIn("statement.value", "[statement.value]");
        }
        dynamic.values().forEach(d -> {
            ((List<?>) content(d).get("actions")).forEach(a -> actions.add(a.toString()));
            assertThat(content(d)).doesNotContainKey("effect").doesNotContainKey("not_actions").doesNotContainKey("not_resources");
        });
        assertThat(dynamicForEach("ReadSecrets")).contains("local.secret_arns");
        assertThat(dynamicForEach("DecryptSecrets")).contains("var.secrets_kms_key_arns");
        // The secrets are exactly the two references the function resolves.
        assertThat(main.expression("locals", "secret_arns")).isEqualTo("compact([");
        assertThat(main.text()).contains("var.teams_webhook_url_secret_arn,\n    try(var.smtp.password_secret_arn, null),\n  ])");

        assertThat(actions).containsExactlyInAnyOrder(
                "logs:CreateLogStream", "logs:PutLogEvents",
                "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility",
                "sns:Publish", "kms:GenerateDataKey*", "kms:Decrypt", "secretsmanager:GetSecretValue", "kms:Decrypt",
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls",
                "ec2:RevokeSecurityGroupIngress", "ec2:DeleteNetworkAclEntry");
    }

    @Test
    void claimTableIsOnDemandEncryptedExpiresClaimsAndGrantsOnlyTheClaimProtocol() {
        Map<String, Object> table = main.block("resource", "aws_dynamodb_table", "dedup");
        assertThat(main.expression("resource \"aws_dynamodb_table\" \"dedup\"", "count")).isEqualTo("var.dedup_enabled ? 1 : 0");
        assertThat(str(table.get("billing_mode"))).isEqualTo("PAY_PER_REQUEST");
        assertThat(str(table.get("hash_key"))).isEqualTo("id");
        assertThat(table).doesNotContainKey("range_key").doesNotContainKey("global_secondary_index");
        Map<?, ?> attribute = (Map<?, ?>) table.get("attribute");
        assertThat(str(attribute.get("name"))).isEqualTo("id");
        assertThat(str(attribute.get("type"))).isEqualTo("S");
        Map<?, ?> ttl = (Map<?, ?>) table.get("ttl");
        assertThat(str(ttl.get("attribute_name"))).isEqualTo("expiresAt");
        assertThat(ttl.get("enabled")).isEqualTo(Boolean.TRUE);
        assertThat(((Map<?, ?>) table.get("server_side_encryption")).get("enabled")).isEqualTo(Boolean.TRUE);
        assertThat(str(((Map<?, ?>) table.get("point_in_time_recovery")).get("enabled"))).isEqualTo("var.dedup_point_in_time_recovery");

        Map<String, Object> claim = dynamicStatements(main.block("data", "aws_iam_policy_document", "function")).get("ClaimDeliveries");
        assertThat(dynamicForEach("ClaimDeliveries")).isEqualTo("var.dedup_enabled ? [aws_dynamodb_table.dedup[0].arn] : []");
        assertThat((List<?>) content(claim).get("actions")).map(Object::toString)
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
        assertThat(main.text()).contains("var.dedup_enabled ? { FIREWATCH_DEDUP_TABLE = aws_dynamodb_table.dedup[0].name } : {}");
        assertThat(main.text()).doesNotContain("dynamodb:Scan").doesNotContain("dynamodb:Query").doesNotContain("dynamodb:*");
    }

    @Test
    void responsePermissionsExistOnlyInTheirModeAndNeverOnResourcesTaggedOff() {
        Map<String, Map<String, Object>> dynamic = dynamicStatements(main.block("data", "aws_iam_policy_document", "function"));
        Map<String, Object> describe = dynamic.get("DescribeFirewallRules");
        assertThat(dynamicForEach("DescribeFirewallRules")).isEqualTo("var.response_mode == \"off\" ? [] : [\"*\"]");
        assertThat((List<?>) content(describe).get("actions")).map(Object::toString).allSatisfy(a -> assertThat(a).startsWith("ec2:Describe"));

        Map<String, Object> write = dynamic.get("TakeBackWorldOpenRules");
        assertThat(dynamicForEach("TakeBackWorldOpenRules")).isEqualTo("var.response_mode == \"enforce\" ? [\"off\"] : []");
        Map<String, Object> body = content(write);
        assertThat((List<?>) body.get("actions")).map(Object::toString)
                .containsExactlyInAnyOrder("ec2:RevokeSecurityGroupIngress", "ec2:DeleteNetworkAclEntry");
        assertThat((List<?>) body.get("resources")).map(Object::toString).containsExactlyInAnyOrder(
                "arn:data.aws_partition.current.partition:ec2:*:data.aws_caller_identity.current.account_id:security-group/*",
                "arn:data.aws_partition.current.partition:ec2:*:data.aws_caller_identity.current.account_id:network-acl/*");
        Map<?, ?> condition = (Map<?, ?>) body.get("condition");
        assertThat(str(condition.get("test"))).startsWith("StringNotEquals");
        assertThat(str(condition.get("variable"))).isEqualTo("aws:ResourceTag/firewatch-response");
        assertThat(str(condition.get("values"))).isEqualTo("[statement.value]");
        // No other statement names an EC2 action.
        assertThat(main.text().split("\"ec2:", -1)).hasSize(6);

        AwsHcl variables = AwsHcl.parse(MODULE.resolve("variables.tf"));
        assertThat(variables.expression("variable \"response_mode\"", "default")).isEqualTo("\"off\"");
        assertThat(variables.text()).contains("contains([\"off\", \"dry-run\", \"enforce\"], var.response_mode)");
        assertThat(main.text()).contains("FIREWATCH_RESPONSE_MODE         = var.response_mode")
                .contains("FIREWATCH_RESPONSE_MIN_SEVERITY = var.response_min_severity");
    }

    @Test
    void deadLetterAlarmFiresOnEveryArrivalAndRuleFailuresAreAlarmed() {
        Map<String, Object> alarm = main.block("resource", "aws_cloudwatch_metric_alarm", "dead_letters");
        assertThat(alarm).doesNotContainKey("metric_name");
        Map<String, Map<String, Object>> queries = new HashMap<>();
        repeated(alarm.get("metric_query")).forEach(q -> queries.put(str(q.get("id")), q));
        assertThat(queries).containsOnlyKeys("visible", "in_flight", "sent", "held", "arrivals");
        assertThat(str(((Map<?, ?>) queries.get("sent").get("metric")).get("metric_name"))).isEqualTo("NumberOfMessagesSent");
        assertThat(str(((Map<?, ?>) queries.get("visible").get("metric")).get("metric_name"))).isEqualTo("ApproximateNumberOfMessagesVisible");
        assertThat(str(((Map<?, ?>) queries.get("in_flight").get("metric")).get("metric_name"))).isEqualTo("ApproximateNumberOfMessagesNotVisible");
        queries.values().stream().filter(q -> q.containsKey("metric")).forEach(q ->
                assertThat(str(((Map<?, ?>) ((Map<?, ?>) q.get("metric")).get("dimensions")).get("QueueName"))).isEqualTo("aws_sqs_queue.dead_letters.name"));
        // Only the arrivals series is alarmed on: an increase, so a backlog already reported does not keep it silent.
        assertThat(str(queries.get("arrivals").get("expression"))).contains("DIFF(held)").contains("sent");
        assertThat(queries.get("arrivals").get("return_data")).isEqualTo(Boolean.TRUE);
        assertThat(queries.get("held").get("return_data")).isEqualTo(Boolean.FALSE);
        assertThat(main.expression("resource \"aws_cloudwatch_metric_alarm\" \"dead_letters\"", "alarm_actions")).isEqualTo("local.alarm_actions");

        for (String name : List.of("rule_delivery_failures", "forwarded_rule_delivery_failures")) {
            Map<String, Object> failures = main.block("resource", "aws_cloudwatch_metric_alarm", name);
            assertThat(str(failures.get("for_each"))).isEqualTo(name.startsWith("forwarded")
                    ? "aws_cloudwatch_event_rule.forwarded" : "aws_cloudwatch_event_rule.api_calls");
            assertThat(repeated(failures.get("metric_query")).stream().filter(q -> q.containsKey("metric"))
                    .map(q -> str(((Map<?, ?>) q.get("metric")).get("metric_name"))).toList())
                    .containsExactlyInAnyOrder("FailedInvocations", "InvocationsFailedToBeSentToDlq");
            // hcl4j renders "${var.name}-..." as "var.name-...": the topic policy admits alarms named "<name>-*" only.
            assertThat(str(failures.get("alarm_name"))).startsWith("var.name-");
        }
        assertThat(main.expression("resource \"aws_cloudwatch_metric_alarm\" \"forwarded_rule_delivery_failures\"", "for_each"))
                .isEqualTo("aws_cloudwatch_event_rule.forwarded");
        assertThat(main.text()).contains("dimensions  = { EventBusName = each.value.event_bus_name, RuleName = each.value.name }");
    }

    /** The source text of the for_each of the dynamic statement with this sid (hcl4j evaluates conditionals). */
    private String dynamicForEach(String sid) {
        for (String block : main.text().split("dynamic \"statement\" \\{")) {
            int at = block.indexOf("sid");
            if (at > 0 && block.substring(at).matches("(?s)sid\\s*= \"" + Pattern.quote(sid) + "\".*")) {
                Matcher m = Pattern.compile("for_each = (.*)").matcher(block);
                assertThat(m.find()).as(sid).isTrue();
                return m.group(1).strip();
            }
        }
        throw new AssertionError("no dynamic statement " + sid);
    }

    private static Map<String, Map<String, Object>> dynamicStatements(Map<String, Object> policy) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> d : repeated(((Map<?, ?>) policy.get("dynamic")).get("statement"))) {
            out.put(str(content(d).get("sid")), d);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> content(Map<String, Object> dynamicBlock) {
        return (Map<String, Object>) dynamicBlock.get("content");
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
        Map<String, Object> expiring = main.block("resource", "aws_cloudwatch_metric_alarm", "dead_letters_expiring");
        assertThat(str(((Map<?, ?>) expiring.get("dimensions")).get("QueueName"))).isEqualTo("aws_sqs_queue.dead_letters.name");
        // Warned before SQS deletes a dead letter at the queue's retention.
        assertThat(((Number) expiring.get("threshold")).intValue()).isLessThan(
                ((Number) main.block("resource", "aws_sqs_queue", "dead_letters").get("message_retention_seconds")).intValue());
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
                    .contains("alarm_emails         = var.alert_emails");
            assertThat(AwsHcl.parse(MODULE.resolve("examples/" + example + "/variables.tf")).text()).contains("\"us-east-1\"");
        }
        AwsHcl org = AwsHcl.parse(MODULE.resolve("examples/organization/main.tf"));
        assertThat(str(org.block("module", "firewatch").get("organization_id"))).isEqualTo("var.organization_id");
        assertThat(AwsHcl.parse(MODULE.resolve("examples/organization/variables.tf")).expression("variable \"organization_id\"", "default"))
                .startsWith("\"o-");
        List<Map<String, Object>> bus = repeated(((Map<?, ?>) main.block("data", "aws_iam_policy_document", "central_bus").get("dynamic")).get("statement"));
        assertThat(bus).anySatisfy(d -> assertThat(str(((Map<?, ?>) ((Map<?, ?>) d.get("content")).get("condition")).get("variable")))
                .isEqualTo("aws:PrincipalOrgID"));
    }

    @Test
    void forwardingTargetsDeadLetterInTheirOwnRegionAndEveryLossIsAlarmed() {
        AwsHcl forwarder = AwsHcl.parse(MODULE.resolve("modules/forwarder/main.tf"));
        Map<String, Object> target = forwarder.block("resource", "aws_cloudwatch_event_target", "forward");
        assertThat(target).containsKey("dead_letter_config");
        assertThat(forwarder.text()).contains("  dead_letter_config {\n    arn = aws_sqs_queue.dead_letters[each.value.region].arn\n  }");
        assertThat(str(target.get("region"))).isEqualTo("each.value.region");

        // One queue, policy, topic and arrival alarm per region, each placed in that region.
        for (String type : List.of("aws_sqs_queue", "aws_sqs_queue_policy", "aws_cloudwatch_metric_alarm", "aws_sns_topic")) {
            String name = type.equals("aws_sns_topic") ? "alarms" : "dead_letters";
            Map<String, Object> r = forwarder.block("resource", type, name);
            assertThat(str(r.get("for_each"))).as(type).isEqualTo("local.regions");
            assertThat(str(r.get("region"))).as(type).isEqualTo("each.key");
        }
        assertThat(forwarder.expression("locals", "regions")).isEqualTo("toset(var.regions)");
        Map<String, Object> allow = repeated(forwarder.block("data", "aws_iam_policy_document", "dead_letters").get("statement")).get(0);
        assertThat((List<?>) allow.get("actions")).map(Object::toString).containsExactly("sqs:SendMessage");
        assertThat(str(((Map<?, ?>) allow.get("principals")).get("identifiers"))).contains("events.amazonaws.com");
        assertThat(forwarder.text()).contains("values   = [for rule in aws_cloudwatch_event_rule.forward : rule.arn if rule.region == each.key]");

        // A new dead letter is a message sent by EventBridge: each one counts, so each arrival notifies again.
        Map<String, Object> arrivals = forwarder.block("resource", "aws_cloudwatch_metric_alarm", "dead_letters");
        assertThat(str(arrivals.get("metric_name"))).isEqualTo("NumberOfMessagesSent");
        assertThat(str(arrivals.get("statistic"))).isEqualTo("Sum");
        assertThat(str(arrivals.get("alarm_actions"))).isEqualTo("[aws_sns_topic.alarms.each.key.arn]");

        Map<String, Object> failures = forwarder.block("resource", "aws_cloudwatch_metric_alarm", "rule_delivery_failures");
        assertThat(str(failures.get("for_each"))).isEqualTo("aws_cloudwatch_event_rule.forward");
        assertThat(str(failures.get("region"))).isEqualTo("each.value.region");
        assertThat(str(failures.get("alarm_actions"))).isEqualTo("[aws_sns_topic.alarms.each.value.region.arn]");
        assertThat(repeated(failures.get("metric_query")).stream().filter(q -> q.containsKey("metric"))
                .map(q -> str(((Map<?, ?>) q.get("metric")).get("metric_name"))).toList())
                .containsExactlyInAnyOrder("FailedInvocations", "InvocationsFailedToBeSentToDlq");

        // The topic admits only this module's alarms.
        Map<String, Object> topicPolicy = repeated(forwarder.block("data", "aws_iam_policy_document", "alarms").get("statement")).get(0);
        assertThat(str(((Map<?, ?>) topicPolicy.get("condition")).get("values"))).contains(":alarm:var.name-forward-*");
        assertThat(str(failures.get("alarm_name"))).startsWith("var.name-forward-");
        assertThat(str(arrivals.get("alarm_name"))).startsWith("var.name-forward-");
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
