# Firewatch for a whole organization (or one folder): the function runs in a central security project, and an
# aggregated sink at organization or folder scope, with include_children, sends the firewall changes of every project
# below it to the function's topic. Hierarchical firewall policies are organization and folder resources: only a sink
# at that level sees their changes.
#
# The deployer needs roles/logging.configWriter on the organization or folder, and the rights to deploy the module in
# the security project (see ../../README.md).

provider "google" {
  project = var.security_project_id
  region  = var.region
}

module "firewatch" {
  source = "../.."

  project_id   = var.security_project_id
  region       = var.region
  function_jar = "${path.module}/../../../../gcp-function/target/firewatch-gcp-function.jar"

  # The aggregated sink below covers the security project too.
  create_project_sink = false

  teams_webhook_url_secret = { secret = var.teams_webhook_secret, version = "1" }

  alert_emails          = var.alert_emails
  notification_channels = var.notification_channels

  # With the response on, it may act in every watched project (and on hierarchical policies with the org id).
  response_mode            = var.response_mode
  response_project_ids     = var.watched_project_ids
  response_organization_id = var.org_id
}

resource "google_logging_organization_sink" "firewall_changes" {
  count = var.org_id != null ? 1 : 0

  org_id           = var.org_id
  name             = "firewatch-firewall-changes"
  description      = "Firewall changes in every project, folder and the organization itself, for Firewatch"
  destination      = "pubsub.googleapis.com/${module.firewatch.topic_id}"
  filter           = module.firewatch.log_filter
  include_children = true
}

resource "google_logging_folder_sink" "firewall_changes" {
  count = var.org_id == null && var.folder_id != null ? 1 : 0

  folder           = var.folder_id
  name             = "firewatch-firewall-changes"
  description      = "Firewall changes in every project and folder below this one, for Firewatch"
  destination      = "pubsub.googleapis.com/${module.firewatch.topic_id}"
  filter           = module.firewatch.log_filter
  include_children = true
}

# The sink writes as its own identity, which must be allowed to publish to the topic in the security project.
resource "google_pubsub_topic_iam_member" "sink_publisher" {
  project = var.security_project_id
  topic   = module.firewatch.topic_name
  role    = "roles/pubsub.publisher"
  member = one(concat(
    google_logging_organization_sink.firewall_changes[*].writer_identity,
    google_logging_folder_sink.firewall_changes[*].writer_identity,
  ))

  lifecycle {
    precondition {
      condition     = var.org_id != null || var.folder_id != null
      error_message = "Set org_id (organization-wide sink) or folder_id (folder-wide sink)."
    }
  }
}
