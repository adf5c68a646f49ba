# One account, many regions: the function runs in eu-west-1; every other region in use forwards its firewall
# API-call events to the central bus there. eu-west-1's own events are matched on its default bus by the module.

provider "aws" {
  region = var.region
}

module "firewatch" {
  source = "../.."

  package_path     = var.package_path
  create_event_bus = true
  alert_emails     = var.alert_emails

  # Email only what needs a human now; other subscribers (SQS, Lambda, HTTPS) still get every alert.
  email_filter_policy = jsonencode({ severity = ["critical", "high"] })

  tags = { project = "firewatch" }
}

module "forward_regions" {
  source = "../../modules/forwarder"

  # us-east-1 is never optional: WAF Classic and CloudFront-scoped WAFv2 calls are logged only there.
  regions              = var.forwarded_regions
  target_event_bus_arn = module.firewatch.event_bus_arn
  event_patterns       = module.firewatch.event_patterns
  alarm_emails         = var.alert_emails

  tags = { project = "firewatch" }
}
