# Firewatch for one project: a project-level log sink, the function, and its Teams webhook and SMTP password held in
# Secret Manager. Create the secrets first (their values never pass through Terraform state):
#
#   printf '%s' "$TEAMS_WEBHOOK_URL" | gcloud secrets create firewatch-teams-webhook --data-file=- --replication-policy=automatic
#   printf '%s' "$SMTP_PASSWORD"     | gcloud secrets create firewatch-smtp-password --data-file=- --replication-policy=automatic

provider "google" {
  project = var.project_id
  region  = var.region
}

module "firewatch" {
  source = "../.."

  project_id   = var.project_id
  region       = var.region
  function_jar = "${path.module}/../../../../gcp-function/target/firewatch-gcp-function.jar"

  environment = {
    FIREWATCH_SMTP_HOST     = "smtp.sendgrid.net"
    FIREWATCH_SMTP_PORT     = "587"
    FIREWATCH_SMTP_USERNAME = "apikey"
    FIREWATCH_EMAIL_FROM    = "firewatch@example.com"
    FIREWATCH_EMAIL_TO      = var.alert_email
  }

  secret_environment = {
    FIREWATCH_TEAMS_WEBHOOK_URL = { secret = "firewatch-teams-webhook", version = "1" }
    FIREWATCH_SMTP_PASSWORD     = { secret = "firewatch-smtp-password", version = "1" }
  }

  notification_channels = var.notification_channels
}
