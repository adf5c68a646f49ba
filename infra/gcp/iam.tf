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
