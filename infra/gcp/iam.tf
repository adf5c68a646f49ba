# Identities: one for the function at run time, one for building it, one for Pub/Sub to call it with. None of the
# default service accounts is used.

resource "google_service_account" "runtime" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-runtime"
  display_name = "Firewatch function (runtime)"
}

resource "google_service_account" "build" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-build"
  display_name = "Firewatch function (build)"
}

resource "google_service_account" "push" {
  project      = var.project_id
  account_id   = "${var.name_prefix}-push"
  display_name = "Firewatch Pub/Sub push (invoker)"
}

resource "google_project_iam_member" "runtime_log_writer" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = google_service_account.runtime.member
}

resource "google_secret_manager_secret_iam_member" "runtime_secret_access" {
  for_each = var.secret_environment

  project   = var.project_id
  secret_id = each.value.secret
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.runtime.member
}

# The roles Google documents for a user-specified build service account: build logs, the function's image in
# Artifact Registry, and reading the source from Cloud Storage.
resource "google_project_iam_member" "build_roles" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer", "roles/storage.objectAdmin"])

  project = var.project_id
  role    = each.value
  member  = google_service_account.build.member
}

# The automatic response (CONTRACT §6), only under enforce: read a VPC firewall rule or a firewall policy rule and
# switch it off (disabled: true), nothing else. GCP firewall rules carry no labels: the opt-out is
# firewatch-response=off in a rule's description, which the function checks before it acts.
resource "google_project_iam_custom_role" "response" {
  count = var.response_mode == "enforce" ? 1 : 0

  project     = var.project_id
  role_id     = replace("${var.name_prefix}_response", "-", "_")
  title       = "Firewatch automatic response"
  description = "Disable a world-open firewall rule that Firewatch alerted on"
  permissions = [
    "compute.firewalls.get",
    "compute.firewalls.update",
    "compute.networks.updatePolicy",
    "compute.networkFirewallPolicies.get",
    "compute.networkFirewallPolicies.update",
    "compute.regionNetworkFirewallPolicies.get",
    "compute.regionNetworkFirewallPolicies.update",
  ]
}

resource "google_project_iam_member" "runtime_response" {
  count = var.response_mode == "enforce" ? 1 : 0

  project = var.project_id
  role    = google_project_iam_custom_role.response[0].id
  member  = google_service_account.runtime.member
}
