# Firewatch for one project: a project-level log sink, the function, and its Teams webhook and SMTP password held in
# Secret Manager. Enable Secret Manager and create the secrets first (their values never pass through Terraform state):
#
#   gcloud services enable secretmanager.googleapis.com --project="$PROJECT_ID"
#   printf '%s' "$TEAMS_WEBHOOK_URL" | gcloud secrets create firewatch-teams-webhook --project="$PROJECT_ID" --data-file=- --replication-policy=automatic
#   printf '%s' "$SMTP_PASSWORD"     | gcloud secrets create firewatch-smtp-password --project="$PROJECT_ID" --data-file=- --replication-policy=automatic

provider "google" {
  project = var.project_id
  region  = var.region
}

module "firewatch" {
  source = "../.."

  project_id   = var.project_id
  region       = var.region
  function_jar = "${path.module}/../../../../gcp-function/target/firewatch-gcp-function.jar"

  smtp = {
    host            = "smtp.sendgrid.net"
    username        = "apikey"
    password_secret = { secret = "firewatch-smtp-password", version = "1" }
    from            = "firewatch@example.com"
    to              = var.alert_emails
  }

  teams_webhook_url_secret = { secret = "firewatch-teams-webhook", version = "1" }

  # Failures of Firewatch itself (function errors, dead letters, export errors) go to the same people.
  alert_emails          = var.alert_emails
  notification_channels = var.notification_channels

  response_mode = var.response_mode
}
