# Forwards firewall API-call events from the default bus of several regions (of the account this provider acts in)
# to Firewatch's central bus. API-call events only reach EventBridge in the region of the call, so every region in
# use needs these rules. The provider's 6.x per-resource `region` argument places them without aliased providers.

data "aws_caller_identity" "current" {}

locals {
  # "region/source" => [region, source]
  rules = { for pair in setproduct(var.regions, keys(var.event_patterns)) : join("/", pair) => pair }
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
}
