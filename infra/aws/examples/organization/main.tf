# An organization: Firewatch runs in a central security account; member accounts forward their firewall
# API-call events to its central bus, which admits every account of the organization (aws:PrincipalOrgID).
# Forwarded events keep their own `account` and `region`, so alerts name the member account.
#
# Apply the forwarder once per member account (here one, through an assumed role; for many accounts use one
# configuration per account, a loop in your pipeline, or the same resources in a CloudFormation StackSet).

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "member"
  region = "eu-west-1"

  assume_role {
    role_arn = "arn:aws:iam::444455556666:role/OrganizationAccountAccessRole"
  }
}

module "firewatch" {
  source = "../.."

  package_path     = "${path.root}/../../../../aws-lambda/target/firewatch-aws-lambda.jar"
  create_event_bus = true
  organization_id  = "o-a1b2c3d4e5"

  alert_emails                 = ["secops@example.com"]
  teams_webhook_url_secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:firewatch/teams-webhook-AbCdEf"

  tags = { project = "firewatch" }
}

module "member_forwarder" {
  source = "../../modules/forwarder"

  providers = {
    aws = aws.member
  }

  # Every region the member uses, including the processing region: its own events land on its own default bus.
  regions              = ["us-east-1", "eu-west-1", "eu-central-1"]
  target_event_bus_arn = module.firewatch.event_bus_arn
  event_patterns       = module.firewatch.event_patterns

  tags = { project = "firewatch" }
}

output "central_bus_arn" {
  value = module.firewatch.event_bus_arn
}
