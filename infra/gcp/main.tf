# Firewatch on Google Cloud: Cloud Audit Logs -> log sink -> Pub/Sub topic -> push subscription -> Cloud Function.
#
# The function is deployed without an Eventarc trigger: Eventarc would own the subscription, and its retry and
# dead-letter settings could not be declared here. Our own push subscription carries them instead, and the function
# (which serves the HTTP signature too) reads the push requests.

locals {
  function_name = "${var.name_prefix}-audit-logs"
  entry_point   = "io.firewatch.gcp.AuditLogFunction"

  apis = toset([
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "firestore.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
  ])

  smtp_environment = var.smtp == null ? {} : {
    for key, value in {
      FIREWATCH_SMTP_HOST     = var.smtp.host
      FIREWATCH_SMTP_PORT     = tostring(var.smtp.port)
      FIREWATCH_SMTP_USERNAME = var.smtp.username
      FIREWATCH_SMTP_STARTTLS = tostring(var.smtp.starttls)
      FIREWATCH_EMAIL_FROM    = var.smtp.from
      FIREWATCH_EMAIL_TO      = join(",", var.smtp.to)
    } : key => value if value != null
  }

  plain_environment = merge(
    {
      FIREWATCH_MIN_SEVERITY            = var.min_severity
      FIREWATCH_DELIVERY_BUDGET_SECONDS = tostring(var.delivery_budget_seconds)
      FIREWATCH_RESPONSE_MODE           = var.response_mode
      FIREWATCH_RESPONSE_MIN_SEVERITY   = var.response_min_severity
    },
    # The claim database's project too; without it the function would ask the metadata server on its first claim.
    var.dedup_enabled ? {
      FIREWATCH_DEDUP_COLLECTION = var.dedup_collection
      FIREWATCH_DEDUP_DATABASE   = local.dedup_database
      GOOGLE_CLOUD_PROJECT       = var.project_id
    } : {},
    var.firewatch_config == null ? {} : { FIREWATCH_CONFIG = var.firewatch_config },
    local.smtp_environment,
    var.environment,
  )

  # Secrets by reference: the named variables first, then anything else in secret_environment.
  secret_environment = merge(
    var.teams_webhook_url_secret == null ? {} : { FIREWATCH_TEAMS_WEBHOOK_URL = var.teams_webhook_url_secret },
    try(var.smtp.password_secret, null) == null ? {} : { FIREWATCH_SMTP_PASSWORD = var.smtp.password_secret },
    var.secret_environment,
  )
}

data "google_project" "this" {
  project_id = var.project_id
}

resource "google_project_service" "apis" {
  for_each = var.enable_apis ? local.apis : toset([])

  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

# The function: the deployment jar, zipped, in a private bucket; built by Cloud Build on the java21 runtime (the jar
# is Java 17 bytecode) into our own Artifact Registry repository, so the build account's grants name exactly these two.

resource "google_storage_bucket" "source" {
  project                     = var.project_id
  name                        = "${var.project_id}-${var.name_prefix}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true
  labels                      = var.labels
}

resource "google_artifact_registry_repository" "functions" {
  project       = var.project_id
  location      = var.region
  repository_id = "${var.name_prefix}-functions"
  description   = "Firewatch: images Cloud Build makes of the function"
  format        = "DOCKER"
  labels        = var.labels

  depends_on = [google_project_service.apis]
}

data "archive_file" "function" {
  type        = "zip"
  source_file = var.function_jar
  output_path = "${path.root}/.terraform/tmp/firewatch-gcp-function.zip"
}

resource "google_storage_bucket_object" "function" {
  bucket = google_storage_bucket.source.name
  name   = "firewatch-gcp-function-${data.archive_file.function.output_md5}.zip"
  source = data.archive_file.function.output_path
}

resource "google_cloudfunctions2_function" "this" {
  project     = var.project_id
  location    = var.region
  name        = local.function_name
  description = "Firewatch: alerts on firewall changes in Cloud Audit Logs"
  labels      = var.labels

  build_config {
    runtime           = "java21"
    entry_point       = local.entry_point
    service_account   = google_service_account.build.id
    docker_repository = google_artifact_registry_repository.functions.id

    source {
      storage_source {
        bucket = google_storage_bucket.source.name
        object = google_storage_bucket_object.function.name
      }
    }
  }

  service_config {
    available_memory                 = "512M"
    available_cpu                    = "1"
    timeout_seconds                  = var.function_timeout_seconds
    min_instance_count               = 0
    max_instance_count               = var.max_instances
    max_instance_request_concurrency = 1
    ingress_settings                 = "ALLOW_INTERNAL_ONLY"
    all_traffic_on_latest_revision   = true
    service_account_email            = google_service_account.runtime.email
    environment_variables            = local.plain_environment

    dynamic "secret_environment_variables" {
      for_each = local.secret_environment

      content {
        key        = secret_environment_variables.key
        project_id = var.project_id
        secret     = secret_environment_variables.value.secret
        version    = secret_environment_variables.value.version
      }
    }
  }

  lifecycle {
    precondition {
      condition     = var.delivery_budget_seconds >= 1 && var.delivery_budget_seconds < var.function_timeout_seconds
      error_message = "delivery_budget_seconds must be at least 1 and below function_timeout_seconds."
    }
  }

  # The build and the first instance use grants made moments before: wait until IAM has propagated them.
  depends_on = [
    google_project_service.apis,
    time_sleep.iam_propagation,
  ]
}

# IAM changes take up to a few minutes to apply everywhere; the provider's own examples wait like this before the
# first build, which otherwise fails on the build account's fresh grants.
resource "time_sleep" "iam_propagation" {
  create_duration = var.iam_propagation_wait

  triggers = {
    build_account   = google_service_account.build.email
    runtime_account = google_service_account.runtime.email
  }

  depends_on = [
    google_project_iam_member.build_log_writer,
    google_storage_bucket_iam_member.build_source_reader,
    google_artifact_registry_repository_iam_member.build_image_writer,
    google_secret_manager_secret_iam_member.runtime_secret_access,
    google_project_iam_member.runtime_claims,
  ]
}

resource "google_cloud_run_service_iam_member" "push_invoker" {
  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = google_service_account.push.member
}

