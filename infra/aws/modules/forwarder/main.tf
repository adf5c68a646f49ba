# Forwards firewall API-call events from the default bus of several regions (of the account this provider acts in)
# to Firewatch's central bus. API-call events only reach EventBridge in the region of the call, so every region in
# use needs these rules. The provider's 6.x per-resource `region` argument places them without aliased providers.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # "region/source" => [region, source]
  rules = { for pair in setproduct(var.regions, keys(var.event_patterns)) : join("/", pair) => pair }

  regions = toset(var.regions)
}

data "aws_iam_policy_document" "assume" {
  statement {
    sid     = "EventBridgeAssumeRole"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# IAM is global: one role serves the rules of every region.
resource "aws_iam_role" "forward" {
  name               = "${var.name}-forward-events"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "forward" {
  statement {
    sid       = "PutOnCentralBus"
    actions   = ["events:PutEvents"]
    resources = [var.target_event_bus_arn]
  }
}

resource "aws_iam_role_policy" "forward" {
  name   = "firewatch-forward"
  role   = aws_iam_role.forward.id
  policy = data.aws_iam_policy_document.forward.json
}

resource "aws_cloudwatch_event_rule" "forward" {
  for_each = local.rules

  region        = each.value[0]
  name          = "${var.name}-forward-${each.value[1]}"
  description   = "Firewatch: forwards firewall changes through ${each.value[1]} API calls to the central bus"
  event_pattern = var.event_patterns[each.value[1]]
  state         = var.rule_state
  tags          = var.tags
}

resource "aws_cloudwatch_event_target" "forward" {
  for_each = aws_cloudwatch_event_rule.forward

  region    = each.value.region
  rule      = each.value.name
  target_id = "firewatch-central-bus"
  arn       = var.target_event_bus_arn

  # A bus in another region or account is only reachable through a role.
  role_arn = aws_iam_role.forward.arn

  retry_policy {
    maximum_event_age_in_seconds = 86400
    maximum_retry_attempts       = 185
  }

  # A target's dead-letter queue must be in the rule's region.
  dead_letter_config {
    arn = aws_sqs_queue.dead_letters[each.value.region].arn
  }
}

################################################################################
# Dead letters: one queue per region, for events the central bus did not accept within 24 hours
################################################################################

resource "aws_sqs_queue" "dead_letters" {
  for_each = local.regions

  region                    = each.key
  name                      = "${var.name}-forward-dead-letters"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

data "aws_iam_policy_document" "dead_letters" {
  for_each = local.regions

  statement {
    sid       = "ForwardingRuleDeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dead_letters[each.key].arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [for rule in aws_cloudwatch_event_rule.forward : rule.arn if rule.region == each.key]
    }
  }

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.dead_letters[each.key].arn]

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
  for_each = local.regions

  region    = each.key
  queue_url = aws_sqs_queue.dead_letters[each.key].id
  policy    = data.aws_iam_policy_document.dead_letters[each.key].json
}

################################################################################
# Alarms: in each region (an alarm notifies a topic of its own region), to a topic with the alarm_emails
################################################################################

resource "aws_sns_topic" "alarms" {
  for_each = local.regions

  region       = each.key
  name         = "${var.name}-forward-alarms"
  display_name = "Firewatch forwarder"
  tags         = var.tags
}

data "aws_iam_policy_document" "alarms" {
  for_each = local.regions

  statement {
    sid       = "CloudWatchAlarms"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms[each.key].arn]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:cloudwatch:${each.key}:${local.account_id}:alarm:${var.name}-forward-*"]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  for_each = local.regions

  region = each.key
  arn    = aws_sns_topic.alarms[each.key].arn
  policy = data.aws_iam_policy_document.alarms[each.key].json
}

resource "aws_sns_topic_subscription" "alarm_emails" {
  for_each = { for pair in setproduct(var.regions, var.alarm_emails) : join("/", pair) => pair }

  region    = each.value[0]
  topic_arn = aws_sns_topic.alarms[each.value[0]].arn
  protocol  = "email"
  endpoint  = each.value[1]
}

# Every new dead letter notifies (EventBridge sends them, so NumberOfMessagesSent counts each arrival; the alarm
# returns to OK after a quiet minute and fires again at the next one).
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = local.regions

  region              = each.key
  alarm_name          = "${var.name}-forward-dead-letters"
  alarm_description   = "Firewall API-call events of ${each.key} could not reach the central Firewatch bus for 24 hours and wait in ${aws_sqs_queue.dead_letters[each.key].name}: their changes were NOT alerted on. Re-send them (forwarder README)."
  namespace           = "AWS/SQS"
  metric_name         = "NumberOfMessagesSent"
  dimensions          = { QueueName = aws_sqs_queue.dead_letters[each.key].name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[each.key].arn]
  ok_actions          = [aws_sns_topic.alarms[each.key].arn]
  tags                = var.tags
}

# A forwarding rule whose target failed for good (FailedInvocations) or whose dead letter could not be written
# either (InvocationsFailedToBeSentToDlq: the event is lost).
resource "aws_cloudwatch_metric_alarm" "rule_delivery_failures" {
  for_each = aws_cloudwatch_event_rule.forward

  region              = each.value.region
  alarm_name          = "${var.name}-forward-failures-${split("/", each.key)[1]}"
  alarm_description   = "Forwarding rule ${each.value.name} in ${each.value.region} could not put events on the central Firewatch bus. Dead-lettered ones wait in ${var.name}-forward-dead-letters; ones that could not be dead-lettered are lost: find their changes in CloudTrail event history."
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[each.value.region].arn]
  ok_actions          = [aws_sns_topic.alarms[each.value.region].arn]
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
