# Firewatch on AWS: CloudTrail API-call events for firewall changes reach EventBridge, are buffered in SQS and judged
# by the Lambda function, which publishes alerts to a KMS-encrypted SNS topic.
#
#   default bus rules (this region) ──┐
#   central bus rules (forwarded)  ───┴─> SQS buffer ─> event source mapping ─> alias "live" (SnapStart) ─> SNS
#                                            └── dead-letter queue (also the rules' target DLQ) ── alarm

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  event_bus_name = coalesce(var.event_bus_name, "${var.name}-central")

  # One rule per event source, listing exactly the operations of core's catalogue
  # (core/src/main/resources/io/firewatch/core/catalog/aws.csv; infra's AwsTerraformTest keeps the two equal).
  # Splitting by source keeps each pattern far below EventBridge's 2,048-character quota and makes a rule match
  # only the (source, name) pairs it lists: DeleteRule of waf and waf-regional are separate operations.
  # Failed calls are kept on purpose: a refused attempt is a low-severity alert.
  # `source` is pinned to the AWS service: PutEvents refuses sources that start with "aws.", so nobody allowed to put
  # events on the central bus can forge a CloudTrail API-call event that these rules would pass on.
  event_patterns = {
    "ec2" = jsonencode({
      source        = ["aws.ec2"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["ec2.amazonaws.com"]
        eventName = [
          "AuthorizeSecurityGroupEgress",
          "AuthorizeSecurityGroupIngress",
          "CreateManagedPrefixList",
          "CreateNetworkAcl",
          "CreateNetworkAclEntry",
          "CreateSecurityGroup",
          "DeleteManagedPrefixList",
          "DeleteNetworkAcl",
          "DeleteNetworkAclEntry",
          "DeleteSecurityGroup",
          "ModifyInstanceAttribute",
          "ModifyManagedPrefixList",
          "ModifyNetworkInterfaceAttribute",
          "ModifySecurityGroupRules",
          "ReplaceNetworkAclAssociation",
          "ReplaceNetworkAclEntry",
          "RevokeSecurityGroupEgress",
          "RevokeSecurityGroupIngress",
        ]
      }
    })
    "elasticache" = jsonencode({
      source        = ["aws.elasticache"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["elasticache.amazonaws.com"]
        eventName = [
          "AuthorizeCacheSecurityGroupIngress",
          "CreateCacheSecurityGroup",
          "DeleteCacheSecurityGroup",
          "RevokeCacheSecurityGroupIngress",
        ]
      }
    })
    "elasticfilesystem" = jsonencode({
      source        = ["aws.elasticfilesystem"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["elasticfilesystem.amazonaws.com"]
        eventName = [
          "ModifyMountTargetSecurityGroups",
        ]
      }
    })
    "elasticloadbalancing" = jsonencode({
      source        = ["aws.elasticloadbalancing"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["elasticloadbalancing.amazonaws.com"]
        eventName = [
          "ApplySecurityGroupsToLoadBalancer",
          "SetSecurityGroups",
        ]
      }
    })
    "guardduty" = jsonencode({
      source        = ["aws.guardduty"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["guardduty.amazonaws.com"]
        eventName = [
          "CreateIPSet",
          "CreateTrustedEntitySet",
          "DeleteIPSet",
          "DeleteTrustedEntitySet",
          "UpdateIPSet",
          "UpdateTrustedEntitySet",
        ]
      }
    })
    "lightsail" = jsonencode({
      source        = ["aws.lightsail"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["lightsail.amazonaws.com"]
        eventName = [
          "CloseInstancePublicPorts",
          "OpenInstancePublicPorts",
          "PutInstancePublicPorts",
        ]
      }
    })
    "network-firewall" = jsonencode({
      source        = ["aws.network-firewall"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["network-firewall.amazonaws.com"]
        eventName = [
          "AssociateFirewallPolicy",
          "CreateFirewall",
          "CreateFirewallPolicy",
          "CreateRuleGroup",
          "DeleteFirewall",
          "DeleteFirewallPolicy",
          "DeleteRuleGroup",
          "DisassociateSubnets",
          "UpdateFirewallDeleteProtection",
          "UpdateFirewallPolicy",
          "UpdateFirewallPolicyChangeProtection",
          "UpdateLoggingConfiguration",
          "UpdateRuleGroup",
          "UpdateSubnetChangeProtection",
        ]
      }
    })
    "rds" = jsonencode({
      source        = ["aws.rds"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["rds.amazonaws.com"]
        eventName = [
          "AuthorizeDBSecurityGroupIngress",
          "CreateDBSecurityGroup",
          "DeleteDBSecurityGroup",
          "RevokeDBSecurityGroupIngress",
        ]
      }
    })
    "waf-regional" = jsonencode({
      source        = ["aws.waf-regional"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["waf-regional.amazonaws.com"]
        eventName = [
          "AssociateWebACL",
          "CreateGeoMatchSet",
          "CreateIPSet",
          "CreateRateBasedRule",
          "CreateRegexPatternSet",
          "CreateRule",
          "CreateRuleGroup",
          "CreateWebACL",
          "DeleteGeoMatchSet",
          "DeleteIPSet",
          "DeleteRateBasedRule",
          "DeleteRegexPatternSet",
          "DeleteRule",
          "DeleteRuleGroup",
          "DeleteWebACL",
          "DisassociateWebACL",
          "UpdateGeoMatchSet",
          "UpdateIPSet",
          "UpdateRateBasedRule",
          "UpdateRegexPatternSet",
          "UpdateRule",
          "UpdateRuleGroup",
          "UpdateWebACL",
        ]
      }
    })
    "waf" = jsonencode({
      source        = ["aws.waf"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["waf.amazonaws.com"]
        eventName = [
          "CreateGeoMatchSet",
          "CreateIPSet",
          "CreateRateBasedRule",
          "CreateRegexPatternSet",
          "CreateRule",
          "CreateRuleGroup",
          "CreateWebACL",
          "DeleteGeoMatchSet",
          "DeleteIPSet",
          "DeleteRateBasedRule",
          "DeleteRegexPatternSet",
          "DeleteRule",
          "DeleteRuleGroup",
          "DeleteWebACL",
          "UpdateGeoMatchSet",
          "UpdateIPSet",
          "UpdateRateBasedRule",
          "UpdateRegexPatternSet",
          "UpdateRule",
          "UpdateRuleGroup",
          "UpdateWebACL",
        ]
      }
    })
    "wafv2" = jsonencode({
      source        = ["aws.wafv2"]
      "detail-type" = ["AWS API Call via CloudTrail"]
      detail = {
        eventSource = ["wafv2.amazonaws.com"]
        eventName = [
          "AssociateWebACL",
          "CreateIPSet",
          "CreateRegexPatternSet",
          "CreateRuleGroup",
          "CreateWebACL",
          "DeleteIPSet",
          "DeleteLoggingConfiguration",
          "DeleteRegexPatternSet",
          "DeleteRuleGroup",
          "DeleteWebACL",
          "DisassociateWebACL",
          "PutLoggingConfiguration",
          "UpdateIPSet",
          "UpdateRegexPatternSet",
          "UpdateRuleGroup",
          "UpdateWebACL",
        ]
      }
    })
  }

  rule_arns = concat(
    [for rule in aws_cloudwatch_event_rule.api_calls : rule.arn],
    [for rule in aws_cloudwatch_event_rule.forwarded : rule.arn],
  )

  secret_arns = compact([
    var.teams_webhook_url_secret_arn,
    try(var.smtp.password_secret_arn, null),
  ])

  smtp_environment = var.smtp == null ? {} : {
    for key, value in {
      FIREWATCH_SMTP_HOST                = var.smtp.host
      FIREWATCH_SMTP_PORT                = tostring(var.smtp.port)
      FIREWATCH_SMTP_USERNAME            = var.smtp.username
      FIREWATCH_SMTP_PASSWORD_SECRET_ARN = var.smtp.password_secret_arn
      FIREWATCH_SMTP_STARTTLS            = tostring(var.smtp.starttls)
      FIREWATCH_EMAIL_FROM               = var.smtp.from
      FIREWATCH_EMAIL_TO                 = join(",", var.smtp.to)
    } : key => value if value != null
  }

  environment = merge(
    {
      FIREWATCH_SNS_TOPIC_ARN = aws_sns_topic.alerts.arn
      FIREWATCH_MIN_SEVERITY  = var.min_severity
      # C1 only: the function runs for seconds, so a fast start beats peak throughput.
      JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    },
    {
      FIREWATCH_RESPONSE_MODE         = var.response_mode
      FIREWATCH_RESPONSE_MIN_SEVERITY = var.response_min_severity
    },
    var.dedup_enabled ? { FIREWATCH_DEDUP_TABLE = aws_dynamodb_table.dedup[0].name } : {},
    var.firewatch_config == null ? {} : { FIREWATCH_CONFIG = var.firewatch_config },
    var.teams_webhook_url_secret_arn == null ? {} : { FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN = var.teams_webhook_url_secret_arn },
    local.smtp_environment,
  )

  alarm_actions = length(var.alarm_actions) > 0 ? var.alarm_actions : [aws_sns_topic.alerts.arn]
}

################################################################################
# Function
################################################################################

resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  description      = "Firewatch: alerts on cloud firewall changes (ATT&CK T1686.001)"
  role             = aws_iam_role.function.arn
  runtime          = "java21"
  handler          = "io.firewatch.aws.EventBridgeHandler::handleRequest"
  filename         = var.package_path
  source_code_hash = filebase64sha256(var.package_path)
  architectures    = [var.architecture]
  memory_size      = var.memory_size
  timeout          = var.timeout

  # SnapStart works on published versions only; the alias below follows each new version.
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  ephemeral_storage {
    size = 512
  }

  environment {
    variables = local.environment
  }

  # The handler writes one JSON object per line itself; Text keeps those lines as they are.
  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function.name
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.function]
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  description      = "The published version the queue invokes (SnapStart never applies to $LATEST)"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_event_source_mapping" "events" {
  event_source_arn                   = aws_sqs_queue.events.arn
  function_name                      = aws_lambda_alias.live.arn
  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.maximum_batching_window_in_seconds
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.maximum_concurrency
  }

  lifecycle {
    precondition {
      condition     = var.batch_size <= 10 || var.maximum_batching_window_in_seconds >= 1
      error_message = "A batch_size above 10 needs maximum_batching_window_in_seconds of at least 1."
    }
  }

  depends_on = [aws_iam_role_policy.function]
}

################################################################################
# Delivery claims (exactly once per sink across instances, CONTRACT §5)
################################################################################

resource "aws_dynamodb_table" "dedup" {
  count = var.dedup_enabled ? 1 : 0

  name         = "${var.name}-delivery-claims"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  # Claims expire by themselves (FIREWATCH_DEDUP_TTL_HOURS, epoch seconds in expiresAt).
  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }

  # The AWS managed key (alias/aws/dynamodb): the function needs no KMS grant for it.
  server_side_encryption {
    enabled = true
  }

  point_in_time_recovery {
    enabled = var.dedup_point_in_time_recovery
  }

  tags = var.tags
}

################################################################################
# Least-privilege role of the function
################################################################################

data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "LambdaAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = "${var.name}-function"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "function" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.function.arn}:*"]
  }

  statement {
    sid       = "ConsumeQueue"
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
    resources = [aws_sqs_queue.events.arn]
  }

  statement {
    sid       = "PublishAlerts"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]
  }

  statement {
    sid       = "EncryptAlerts"
    actions   = ["kms:GenerateDataKey*", "kms:Decrypt"]
    resources = [aws_kms_key.alerts.arn]

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["sns.${local.region}.amazonaws.com"]
    }
  }

  # The delivery-claim protocol: read a claim, write it conditionally, complete it, release it. No Query, no Scan.
  dynamic "statement" {
    for_each = var.dedup_enabled ? [aws_dynamodb_table.dedup[0].arn] : []

    content {
      sid       = "ClaimDeliveries"
      actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
      resources = [statement.value]
    }
  }

  # Automatic response, read side (dry-run and enforce): Describe* cannot be scoped to resources.
  dynamic "statement" {
    for_each = var.response_mode == "off" ? [] : ["*"]

    content {
      sid       = "DescribeFirewallRules"
      actions   = ["ec2:DescribeSecurityGroupRules", "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls"]
      resources = [statement.value]
    }
  }

  # Automatic response, write side (enforce only): take back an ingress rule or a network ACL entry, in this account,
  # never on a resource tagged firewatch-response=off (any case). StringNotEquals* also admits untagged resources; EC2
  # evaluates aws:ResourceTag on security groups and network ACLs for these two actions.
  dynamic "statement" {
    for_each = var.response_mode == "enforce" ? ["off"] : []

    content {
      sid     = "TakeBackWorldOpenRules"
      actions = ["ec2:RevokeSecurityGroupIngress", "ec2:DeleteNetworkAclEntry"]
      resources = [
        "arn:${local.partition}:ec2:*:${local.account_id}:security-group/*",
        "arn:${local.partition}:ec2:*:${local.account_id}:network-acl/*",
      ]

      condition {
        test     = "StringNotEqualsIgnoreCase"
        variable = "aws:ResourceTag/firewatch-response"
        values   = [statement.value]
      }
    }
  }

  dynamic "statement" {
    for_each = length(local.secret_arns) > 0 ? [local.secret_arns] : []

    content {
      sid       = "ReadSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = statement.value
    }
  }

  dynamic "statement" {
    for_each = length(var.secrets_kms_key_arns) > 0 ? [var.secrets_kms_key_arns] : []

    content {
      sid       = "DecryptSecrets"
      actions   = ["kms:Decrypt"]
      resources = statement.value

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_iam_role_policy" "function" {
  name   = "firewatch"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.function.json
}

################################################################################
# EventBridge: this region's default bus and, optionally, a central bus
################################################################################

resource "aws_cloudwatch_event_rule" "api_calls" {
  for_each = local.event_patterns

  name          = "${var.name}-${each.key}"
  description   = "Firewatch: firewall changes through ${each.key} API calls (CloudTrail)"
  event_pattern = each.value
  state         = var.rule_state
  tags          = var.tags
}

resource "aws_cloudwatch_event_target" "api_calls" {
  for_each = aws_cloudwatch_event_rule.api_calls

  rule      = each.value.name
  target_id = "firewatch-queue"
  arn       = aws_sqs_queue.events.arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letters.arn
  }
}

resource "aws_cloudwatch_event_bus" "central" {
  count = var.create_event_bus ? 1 : 0

  name = local.event_bus_name
  tags = var.tags
}

data "aws_iam_policy_document" "central_bus" {
  count = var.create_event_bus && (var.organization_id != null || length(var.source_account_ids) > 0) ? 1 : 0

  dynamic "statement" {
    for_each = var.organization_id == null ? [] : [var.organization_id]

    content {
      sid       = "OrganizationPutEvents"
      actions   = ["events:PutEvents"]
      resources = [aws_cloudwatch_event_bus.central[0].arn]

      principals {
        type        = "AWS"
        identifiers = ["*"]
      }

      condition {
        test     = "StringEquals"
        variable = "aws:PrincipalOrgID"
        values   = [statement.value]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.source_account_ids) == 0 ? [] : [var.source_account_ids]

    content {
      sid       = "AccountsPutEvents"
      actions   = ["events:PutEvents"]
      resources = [aws_cloudwatch_event_bus.central[0].arn]

      principals {
        type        = "AWS"
        identifiers = [for account in statement.value : "arn:${local.partition}:iam::${account}:root"]
      }
    }
  }
}

# The only policy of the bus: aws_cloudwatch_event_permission would overwrite it.
resource "aws_cloudwatch_event_bus_policy" "central" {
  count = length(data.aws_iam_policy_document.central_bus)

  event_bus_name = aws_cloudwatch_event_bus.central[0].name
  policy         = data.aws_iam_policy_document.central_bus[0].json
}

resource "aws_cloudwatch_event_rule" "forwarded" {
  for_each = var.create_event_bus ? local.event_patterns : {}

  name           = "${var.name}-forwarded-${each.key}"
  description    = "Firewatch: forwarded firewall changes through ${each.key} API calls"
  event_bus_name = aws_cloudwatch_event_bus.central[0].name
  event_pattern  = each.value
  state          = "ENABLED"
  tags           = var.tags
}

resource "aws_cloudwatch_event_target" "forwarded" {
  for_each = aws_cloudwatch_event_rule.forwarded

  rule           = each.value.name
  event_bus_name = each.value.event_bus_name
  target_id      = "firewatch-queue"
  arn            = aws_sqs_queue.events.arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  dead_letter_config {
    arn = aws_sqs_queue.dead_letters.arn
  }
}

################################################################################
# SQS buffer and dead-letter queue
################################################################################

resource "aws_sqs_queue" "events" {
  name = "${var.name}-events"

  # Lambda requires at least the function timeout; AWS recommends six times it, so that a batch retried by the
  # event source mapping is not handed to a second invocation while the first still runs.
  visibility_timeout_seconds = var.timeout * 6
  message_retention_seconds  = 345600
  max_message_size           = 262144

  # SSE-SQS: EventBridge can send to it without a key policy (the AWS managed alias/aws/sqs key cannot be opened to it).
  sqs_managed_sse_enabled = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letters.arn
    maxReceiveCount     = var.max_receive_count
  })

  tags = var.tags
}

resource "aws_sqs_queue" "dead_letters" {
  name                      = "${var.name}-dead-letters"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue_redrive_allow_policy" "dead_letters" {
  queue_url = aws_sqs_queue.dead_letters.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.events.arn]
  })
}

data "aws_iam_policy_document" "events_queue" {
  statement {
    sid       = "EventBridgeRules"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.events.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = local.rule_arns
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.events.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "events" {
  queue_url = aws_sqs_queue.events.id
  policy    = data.aws_iam_policy_document.events_queue.json
}

# Events a rule could not deliver to the buffer land here too (the targets' dead_letter_config).
data "aws_iam_policy_document" "dead_letters" {
  statement {
    sid       = "EventBridgeRuleDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letters.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = local.rule_arns
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.dead_letters.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "dead_letters" {
  queue_url = aws_sqs_queue.dead_letters.id
  policy    = data.aws_iam_policy_document.dead_letters.json
}

################################################################################
# Alert topic, its key, subscriptions and alarms
################################################################################

data "aws_iam_policy_document" "alerts_key" {
  statement {
    sid       = "AccountAdministration"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # CloudWatch alarms publish to the encrypted topic: the AWS managed alias/aws/sns key cannot grant them this.
  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }

  # Only for rules you name: an aws:SourceArn condition here is reported to break EventBridge's deliveries to
  # SNS, so the topic policy below carries the restriction.
  dynamic "statement" {
    for_each = length(var.alert_topic_eventbridge_rule_arns) > 0 ? [1] : []

    content {
      sid       = "EventBridgeRules"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["events.amazonaws.com"]
      }
    }
  }
}

resource "aws_kms_key" "alerts" {
  description             = "${var.name}: encrypts the alert topic"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alerts_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "alerts" {
  name          = "alias/${var.name}-alerts"
  target_key_id = aws_kms_key.alerts.key_id
}

resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-alerts"
  display_name      = "Firewatch"
  kms_master_key_id = aws_kms_key.alerts.arn
  tags              = var.tags
}

data "aws_iam_policy_document" "alerts_topic" {
  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:cloudwatch:${local.region}:${local.account_id}:alarm:${var.name}-*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.alert_topic_eventbridge_rule_arns) > 0 ? [var.alert_topic_eventbridge_rule_arns] : []

    content {
      sid       = "EventBridgeRules"
      actions   = ["sns:Publish"]
      resources = [aws_sns_topic.alerts.arn]

      principals {
        type        = "Service"
        identifiers = ["events.amazonaws.com"]
      }

      condition {
        test     = "ArnEquals"
        variable = "aws:SourceArn"
        values   = statement.value
      }
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alerts.arn]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = data.aws_iam_policy_document.alerts_topic.json
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alert_emails)

  topic_arn           = aws_sns_topic.alerts.arn
  protocol            = "email"
  endpoint            = each.value
  filter_policy       = var.email_filter_policy
  filter_policy_scope = var.email_filter_policy == null ? null : "MessageAttributes"
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  alarm_name          = "${var.name}-function-errors"
  alarm_description   = "Firewatch invocations failed (setup, or alerts that could not be delivered): see the function's setup-failure and delivery-failure log lines."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.this.function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# Notifies on every new dead letter, not once per backlog: the count of messages in the queue (visible and in flight,
# so inspecting them does not look like an arrival) going up, or messages sent to it (EventBridge's target dead
# letters are sent; the buffer's redrive is not counted as sent). The alarm returns to OK after a quiet period and
# fires again at the next arrival.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  alarm_name          = "${var.name}-dead-letters"
  alarm_description   = "New events in the dead-letter queue: Firewatch could not read, judge or deliver them, or a rule could not reach the buffer. Their firewall changes were NOT alerted on: inspect, fix the cause, then redrive (README, Dead letters)."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  metric_query {
    id = "visible"

    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesVisible"
      dimensions  = { QueueName = aws_sqs_queue.dead_letters.name }
      stat        = "Maximum"
      period      = 60
    }
  }

  metric_query {
    id = "in_flight"

    metric {
      namespace   = "AWS/SQS"
      metric_name = "ApproximateNumberOfMessagesNotVisible"
      dimensions  = { QueueName = aws_sqs_queue.dead_letters.name }
      stat        = "Maximum"
      period      = 60
    }
  }

  metric_query {
    id = "sent"

    metric {
      namespace   = "AWS/SQS"
      metric_name = "NumberOfMessagesSent"
      dimensions  = { QueueName = aws_sqs_queue.dead_letters.name }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id          = "held"
    expression  = "FILL(visible, 0) + FILL(in_flight, 0)"
    label       = "Dead letters held"
    return_data = false
  }

  metric_query {
    id          = "arrivals"
    expression  = "MAX([DIFF(held), FILL(sent, 0)])"
    label       = "New dead letters"
    return_data = true
  }
}

# Dead letters are kept 14 days (SQS's maximum); this warns four days before the oldest would be lost.
resource "aws_cloudwatch_metric_alarm" "dead_letters_expiring" {
  alarm_name          = "${var.name}-dead-letters-expiring"
  alarm_description   = "A dead letter is more than 10 days old and SQS deletes it at 14 days: redrive or save it now."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.dead_letters.name }
  statistic           = "Maximum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = 864000
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}

# A default-bus rule whose target failed for good (FailedInvocations) or whose dead letter could not be written either
# (InvocationsFailedToBeSentToDlq: the event is lost). EventBridge publishes both only when they are not zero.
resource "aws_cloudwatch_metric_alarm" "rule_delivery_failures" {
  for_each = aws_cloudwatch_event_rule.api_calls

  alarm_name          = "${var.name}-rule-failures-${each.key}"
  alarm_description   = "EventBridge rule ${each.value.name} could not deliver events to the Firewatch buffer. Dead-lettered ones wait in the dead-letter queue; ones that could not be dead-lettered are lost: find their changes in CloudTrail event history."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  metric_query {
    id = "failed"

    metric {
      namespace   = "AWS/Events"
      metric_name = "FailedInvocations"
      dimensions  = { RuleName = each.value.name }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "lost"

    metric {
      namespace   = "AWS/Events"
      metric_name = "InvocationsFailedToBeSentToDlq"
      dimensions  = { RuleName = each.value.name }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id          = "failures"
    expression  = "FILL(failed, 0) + FILL(lost, 0)"
    label       = "Undelivered events"
    return_data = true
  }
}

# The same for the central bus's rules (custom-bus metrics carry EventBusName as well).
resource "aws_cloudwatch_metric_alarm" "forwarded_rule_delivery_failures" {
  for_each = aws_cloudwatch_event_rule.forwarded

  alarm_name          = "${var.name}-forwarded-rule-failures-${each.key}"
  alarm_description   = "EventBridge rule ${each.value.name} could not deliver events to the Firewatch buffer. Dead-lettered ones wait in the dead-letter queue; ones that could not be dead-lettered are lost: find their changes in CloudTrail event history."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags

  metric_query {
    id = "failed"

    metric {
      namespace   = "AWS/Events"
      metric_name = "FailedInvocations"
      dimensions  = { EventBusName = each.value.event_bus_name, RuleName = each.value.name }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id = "lost"

    metric {
      namespace   = "AWS/Events"
      metric_name = "InvocationsFailedToBeSentToDlq"
      dimensions  = { EventBusName = each.value.event_bus_name, RuleName = each.value.name }
      stat        = "Sum"
      period      = 60
    }
  }

  metric_query {
    id          = "failures"
    expression  = "FILL(failed, 0) + FILL(lost, 0)"
    label       = "Undelivered events"
    return_data = true
  }
}

resource "aws_cloudwatch_metric_alarm" "queue_age" {
  alarm_name          = "${var.name}-queue-age"
  alarm_description   = "Firewatch is falling behind: the oldest buffered event is more than 15 minutes old."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.events.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 900
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_actions
  ok_actions          = local.alarm_actions
  tags                = var.tags
}
