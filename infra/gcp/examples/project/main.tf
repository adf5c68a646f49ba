# Firewatch for one project: a project-level log sink, the function, and its Teams webhook and SMTP password held in
# Secret Manager. Create the secrets first (their values never pass through Terraform state):
#
#   printf '%s' "$TEAMS_WEBHOOK_URL" | gcloud secrets create firewatch-teams-webhook --data-file=- --replication-policy=automatic
#   printf '%s' "$SMTP_PASSWORD"     | gcloud secrets create firewatch-smtp-password --data-file=- --replication-policy=automatic

terraform {
  required_version = ">= 1.5.7"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 7.0"
    }
  }
}

variable "project_id" {
  description = "Project to watch, where Firewatch also runs."
  type        = string
}

variable "region" {
  description = "Region of the function."
  type        = string
  default     = "europe-west1"
}

variable "alert_email" {
  description = "Recipients of the Firewatch alerts (comma-separated)."
  type        = string
}

variable "notification_channels" {
  description = "Cloud Monitoring notification channels for failures of Firewatch itself."
  type        = list(string)
  default     = []
}

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

output "function_uri" {
  value = module.firewatch.function_uri
}

output "dead_letter_subscription" {
  value = module.firewatch.dead_letter_subscription
}
