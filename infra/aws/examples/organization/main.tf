# An organization: Firewatch runs in a central security account; member accounts forward their firewall
# API-call events to its central bus, which admits every account of the organization (aws:PrincipalOrgID).
# Forwarded events keep their own `account` and `region`, so alerts name the member account.
#
# Apply the forwarder once per member account (here one, through an assumed role; for many accounts use one
# configuration per account, a loop in your pipeline, or the same resources in a CloudFormation StackSet).

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "member"
  region = var.region

  assume_role {
    role_arn = var.member_role_arn
  }
}

module "firewatch" {
  source = "../.."

  package_path     = var.package_path
  create_event_bus = true
  organization_id  = var.organization_id

  alert_emails                 = var.alert_emails
  teams_webhook_url_secret_arn = var.teams_webhook_url_secret_arn

  tags = { project = "firewatch" }
}

module "member_forwarder" {
  source = "../../modules/forwarder"

  providers = {
    aws = aws.member
  }

  # Every region the member uses, including the processing region: its own events land on its own default bus.
  regions              = var.member_regions
  target_event_bus_arn = module.firewatch.event_bus_arn
  event_patterns       = module.firewatch.event_patterns
  alarm_emails         = var.alert_emails

  tags = { project = "firewatch" }
}
