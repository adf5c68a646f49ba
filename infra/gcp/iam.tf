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
  for_each = local.secret_environment

  project   = var.project_id
  secret_id = each.value.secret
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.runtime.member
}

# The build account: Google documents project-wide logging.logWriter, artifactregistry.writer and storage.objectAdmin
# for a user-specified build account. Only the log writer stays project-wide (build logs have no narrower scope);
# reading the source is limited to our source bucket and writing images to our repository.
resource "google_project_iam_member" "build_log_writer" {
  project = var.project_id
  role    = "roles/logging.logWriter"
  member  = google_service_account.build.member
}

resource "google_storage_bucket_iam_member" "build_source_reader" {
  bucket = google_storage_bucket.source.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.build.member
}

resource "google_artifact_registry_repository_iam_member" "build_image_writer" {
  project    = var.project_id
  location   = google_artifact_registry_repository.functions.location
  repository = google_artifact_registry_repository.functions.name
  role       = "roles/artifactregistry.writer"
  member     = google_service_account.build.member
}

# Delivery claims: read and write documents of the claim database only (an IAM condition on the database name).
resource "google_project_iam_member" "runtime_claims" {
  count = var.dedup_enabled ? 1 : 0

  project = var.project_id
  role    = "roles/datastore.user"
  member  = google_service_account.runtime.member

  condition {
    title       = "firewatch-delivery-claims"
    description = "Only the Firestore database holding Firewatch's delivery claims"
    expression  = "resource.name == \"projects/${var.project_id}/databases/${local.dedup_database}\""
  }
}

# Automatic response. dry-run reads the rule; enforce may also disable it. A custom role per watched project (a
# project-level custom role can only be granted in its own project), holding exactly these permissions.
locals {
  response_read_permissions = [
    "compute.firewalls.get",
    "compute.networkFirewallPolicies.get",
    "compute.regionNetworkFirewallPolicies.get",
  ]
  # Patching a VPC firewall rule needs firewalls.update and networks.updatePolicy on its network; a rule of a network
  # firewall policy is patched through its policy.
  response_write_permissions = [
    "compute.firewalls.update",
    "compute.networks.updatePolicy",
    "compute.networkFirewallPolicies.update",
    "compute.regionNetworkFirewallPolicies.update",
  ]
  response_projects = var.response_mode == "off" ? toset([]) : toset(coalesce(var.response_project_ids, [var.project_id]))
}

resource "google_project_iam_custom_role" "response" {
  for_each = local.response_projects

  project     = each.value
  role_id     = "${replace(var.name_prefix, "-", "_")}_response"
  title       = "Firewatch automatic response (${var.response_mode})"
  description = "Read, and with enforce disable, the firewall rule a change opened to the internet."
  permissions = var.response_mode == "enforce" ? concat(local.response_read_permissions, local.response_write_permissions) : local.response_read_permissions
}

resource "google_project_iam_member" "runtime_response" {
  for_each = local.response_projects

  project = each.value
  role    = google_project_iam_custom_role.response[each.value].id
  member  = google_service_account.runtime.member
}

# Hierarchical firewall policies belong to the organization: with response_organization_id, an organization-level
# custom role lets the function read (and with enforce patch) their rules.
resource "google_organization_iam_custom_role" "response" {
  count = var.response_mode != "off" && var.response_organization_id != null ? 1 : 0

  org_id      = var.response_organization_id
  role_id     = "${replace(var.name_prefix, "-", "_")}_response"
  title       = "Firewatch automatic response on hierarchical firewall policies (${var.response_mode})"
  description = "Read, and with enforce patch, a rule of a hierarchical firewall policy that a change opened to the internet."
  permissions = var.response_mode == "enforce" ? ["compute.firewallPolicies.get", "compute.firewallPolicies.update"] : ["compute.firewallPolicies.get"]
}

resource "google_organization_iam_member" "runtime_response" {
  count = length(google_organization_iam_custom_role.response)

  org_id = var.response_organization_id
  role   = google_organization_iam_custom_role.response[0].id
  member = google_service_account.runtime.member
}
