package io.firewatch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.infra.schema.ProviderSchemas;
import io.firewatch.infra.schema.SchemaCheck;
import io.firewatch.infra.support.HclSyntax;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider-schema check catches what {@code terraform validate} would, on small snippets. */
class ProviderSchemaCheckTest {
    private static SchemaCheck check;

    @BeforeAll
    static void schemas() throws IOException {
        check = new SchemaCheck(ProviderSchemas.committed());
    }

    private static List<String> findings(String hcl) {
        return check.check("snippet.tf", HclSyntax.parse(hcl)).stream().map(SchemaCheck.Finding::toString).toList();
    }

    private static final String QUEUE = """
            resource "aws_sqs_queue" "events" {
              name                      = "firewatch-events"
              message_retention_seconds = 1209600
              %s
            }
            """;

    @Test
    void aValidResourceWithMetaArgumentsPasses() {
        assertThat(findings("""
                resource "aws_lambda_function" "this" {
                  count         = var.enabled ? 1 : 0
                  provider      = aws.central
                  depends_on    = [aws_iam_role.this]
                  function_name = "firewatch"
                  role          = aws_iam_role.this.arn
                  timeout       = 30
                  memory_size   = "512"
                  publish       = true
                  environment {
                    variables = { A = "b" }
                  }
                  dynamic "vpc_config" {
                    for_each = var.subnets
                    content {
                      subnet_ids         = vpc_config.value
                      security_group_ids = []
                    }
                  }
                  lifecycle {
                    ignore_changes = [tags]
                  }
                }
                data "aws_iam_policy_document" "p" {
                  statement {
                    actions   = ["sqs:SendMessage"]
                    resources = ["*"]
                  }
                  statement {
                    actions   = ["sqs:ReceiveMessage"]
                    resources = ["*"]
                  }
                }
                """)).isEmpty();
    }

    @Test
    void aMisspelledArgumentFails() {
        assertThat(findings(QUEUE.formatted("visiblity_timeout_seconds = 60")))
                .containsExactly("snippet.tf:4: aws_sqs_queue.visiblity_timeout_seconds unknown-argument: no argument visiblity_timeout_seconds here");
    }

    @Test
    void aWrongNestedBlockFails() {
        assertThat(findings("""
                resource "aws_lambda_function" "this" {
                  function_name = "firewatch"
                  role          = "arn:aws:iam::123456789012:role/firewatch"
                  dead_letter {
                    target_arn = "arn:aws:sqs:eu-west-1:123456789012:dlq"
                  }
                  environment {
                    varaibles = {}
                  }
                }
                """)).containsExactly(
                "snippet.tf:4: aws_lambda_function.dead_letter unknown-block: no nested block dead_letter here",
                "snippet.tf:8: aws_lambda_function.environment.varaibles unknown-argument: no argument varaibles here");
    }

    @Test
    void aLiteralOfTheWrongTypeFails() {
        assertThat(findings(QUEUE.formatted("""
                  fifo_queue                 = "yes"
                  delay_seconds              = "ten"
                  visibility_timeout_seconds = true
                  tags                       = "team"
                """))).containsExactly(
                "snippet.tf:4: aws_sqs_queue.fifo_queue wrong-type: string \"yes\" where a bool is expected",
                "snippet.tf:5: aws_sqs_queue.delay_seconds wrong-type: string \"ten\" where a number is expected",
                "snippet.tf:6: aws_sqs_queue.visibility_timeout_seconds wrong-type: true where number is expected",
                "snippet.tf:7: aws_sqs_queue.tags wrong-type: a string where map(string) is expected");
    }

    @Test
    void literalListAndMapElementsAreTypedToo() {
        assertThat(findings("""
                resource "aws_cloudwatch_metric_alarm" "a" {
                  alarm_name          = "a"
                  comparison_operator = "GreaterThanThreshold"
                  evaluation_periods  = 1
                  alarm_actions       = ["arn:a", 1]
                  dimensions          = { QueueName = "q", Shards = 2 }
                  ok_actions          = [var.topic, local.x == "on" ? "a" : "b"]
                  tags                = { team = ["sec"] }
                }
                resource "aws_lambda_alias" "live" {
                  name             = "live"
                  function_name    = "firewatch"
                  function_version = 2
                  routing_config {
                    additional_version_weights = { "1" = "half" }
                  }
                }
                """)).containsExactly(
                "snippet.tf:8: aws_cloudwatch_metric_alarm.tags wrong-type: a list where string is expected in the map",
                "snippet.tf:15: aws_lambda_alias.routing_config.additional_version_weights wrong-type: string \"half\" where a number is expected in the map");
    }

    @Test
    void expressionsAreNotTyped() {
        assertThat(findings(QUEUE.formatted("delay_seconds = var.delay\n  fifo_queue = local.fifo ? true : false"))).isEmpty();
    }

    @Test
    void blocksAndArgumentsAreWrittenTheirOwnWay() {
        assertThat(findings("""
                resource "aws_lambda_function" "this" {
                  function_name = "firewatch"
                  role          = "arn:aws:iam::123456789012:role/firewatch"
                  environment   = { variables = {} }
                  tags {
                    team = "sec"
                  }
                }
                """)).containsExactly(
                "snippet.tf:4: aws_lambda_function.environment block-as-argument: environment is a nested block: write environment { ... }",
                "snippet.tf:5: aws_lambda_function.tags argument-as-block: tags is an argument: write tags = ...");
    }

    @Test
    void missingRequiredArgumentsAndBlocksAndRepeatedSingleBlocksFail() {
        assertThat(findings("""
                resource "aws_cloudwatch_event_target" "t" {
                  rule = "r"
                  dead_letter_config {
                    arn = "a"
                  }
                  dead_letter_config {
                    arn = "b"
                  }
                }
                resource "google_monitoring_alert_policy" "p" {
                  display_name = "p"
                  combiner     = "OR"
                }
                """)).containsExactly(
                "snippet.tf:1: aws_cloudwatch_event_target.arn missing-required: required argument arn is not set",
                "snippet.tf:1: aws_cloudwatch_event_target.dead_letter_config too-many-blocks: dead_letter_config may appear once, not 2 times",
                "snippet.tf:10: google_monitoring_alert_policy.conditions missing-required: required block conditions is missing");
    }

    @Test
    void dynamicBlocksMustNameANestedBlockAndTheirContentIsChecked() {
        assertThat(findings("""
                data "aws_iam_policy_document" "p" {
                  dynamic "statment" {
                    for_each = var.s
                    content {
                      actions = statment.value
                    }
                  }
                  dynamic "statement" {
                    for_each = var.s
                    content {
                      action = statement.value
                    }
                  }
                  dynamic "statement" {
                    for_each = var.t
                  }
                }
                """)).containsExactly(
                "snippet.tf:2: aws_iam_policy_document.statment unknown-block: no nested block statment here",
                "snippet.tf:11: aws_iam_policy_document.statement.action unknown-argument: no argument action here",
                "snippet.tf:14: aws_iam_policy_document.statement missing-required: dynamic statement has no content block");
    }

    @Test
    void providerBlocksAreCheckedAgainstTheProvidersConfiguration() {
        assertThat(findings("""
                provider "aws" {
                  alias  = "member"
                  regoin = "eu-west-1"
                  assume_role {
                    role_arn = "arn:aws:iam::123456789012:role/firewatch"
                  }
                }
                provider "azurerm" {
                  subscription_id = "00000000-0000-0000-0000-000000000000"
                  use_cli         = "maybe"
                  features {}
                }
                """)).containsExactly(
                "snippet.tf:3: provider.aws.regoin unknown-argument: no argument regoin here",
                "snippet.tf:10: provider.azurerm.use_cli wrong-type: string \"maybe\" where a bool is expected");
    }

    @Test
    void anUnknownTypeFails() {
        assertThat(findings("resource \"aws_sqs_queues\" \"q\" {\n  name = \"q\"\n}\n")).singleElement().asString()
                .contains("aws_sqs_queues unknown-type");
    }
}
