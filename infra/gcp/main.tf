# Firewatch on Google Cloud: Cloud Audit Logs -> log sink -> Pub/Sub topic -> push subscription -> Cloud Function.
#
# The function is deployed without an Eventarc trigger: Eventarc would own the subscription, and its retry and
# dead-letter settings could not be declared here. Our own push subscription carries them instead, and the function
# (which serves the HTTP signature too) reads the push requests.

locals {
  function_name = "${var.name_prefix}-audit-logs"
  entry_point   = "io.firewatch.gcp.AuditLogFunction"

  # Admin Activity audit entries of exactly the operations in core's catalogue
  # (core/src/main/resources/io/firewatch/core/catalog/gcp.csv): Compute methods under each API version prefix the
  # clients use (v1, beta, alpha), App Engine methods as the catalogue names them. Admin Activity logs are always on,
  # and they also record refused calls. GcpTerraformTest checks this filter against the catalogue.
  log_filter = <<-EOT
    logName:"cloudaudit.googleapis.com%2Factivity" AND (
      (protoPayload.serviceName="compute.googleapis.com" AND (
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]firewalls[.](delete|insert|patch|update)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]firewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|move|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]networkFirewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]regionNetworkFirewallPolicies[.](addAssociation|addRule|cloneRules|delete|insert|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.]organizationSecurityPolicies[.](addAssociation|addRule|copyRules|delete|insert|move|patch|patchRule|removeAssociation|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](securityPolicies|regionSecurityPolicies)[.](addRule|delete|insert|patch|patchRule|removeRule)$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](backendServices|regionBackendServices)[.]setSecurityPolicy$" OR
        protoPayload.methodName=~"^(v1|beta|alpha)[.]compute[.](backendServices|backendBuckets)[.]setEdgeSecurityPolicy$"
      )) OR
      (protoPayload.serviceName="appengine.googleapis.com" AND
        protoPayload.methodName=~"^google[.]appengine[.]v1[.]Firewall[.](BatchUpdateIngressRules|CreateIngressRule|DeleteIngressRule|UpdateIngressRule)$")
    )
  EOT

  apis = toset([
    "artifactregistry.googleapis.com",
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "logging.googleapis.com",
    "monitoring.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
  ])

  pubsub_service_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"

  plain_environment = merge(
    {
      FIREWATCH_MIN_SEVERITY            = var.min_severity
      FIREWATCH_DELIVERY_BUDGET_SECONDS = tostring(var.delivery_budget_seconds)
    },
    var.firewatch_config_json == null ? {} : { FIREWATCH_CONFIG = var.firewatch_config_json },
    var.environment,
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

# ---------------------------------------------------------------------------------------------------------------------
# Topics: audit log entries in, undeliverable messages out (the dead-letter topic keeps them in its own subscription;
# messages published to a topic without subscriptions would be lost).

resource "google_pubsub_topic" "audit_logs" {
  project = var.project_id
  name    = "${var.name_prefix}-audit-logs"
  labels  = var.labels

  depends_on = [google_project_service.apis]
}

resource "google_pubsub_topic" "dead_letter" {
  project = var.project_id
  name    = "${var.name_prefix}-dead-letter"
  labels  = var.labels

  depends_on = [google_project_service.apis]
}

resource "google_pubsub_subscription" "dead_letter" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-dead-letter"
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "604800s"
  ack_deadline_seconds       = 60
  labels                     = var.labels

  expiration_policy {
    ttl = ""
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Project-level log sink. Organization and folder sinks (hierarchical firewall policies log there) are in
# examples/organization; they write to the same topic with the same filter (output log_filter).

resource "google_logging_project_sink" "audit_logs" {
  count = var.create_project_sink ? 1 : 0

  project                = var.project_id
  name                   = "${var.name_prefix}-firewall-changes"
  description            = "Firewall changes for Firewatch"
  destination            = "pubsub.googleapis.com/${google_pubsub_topic.audit_logs.id}"
  filter                 = local.log_filter
  unique_writer_identity = true
}

resource "google_pubsub_topic_iam_member" "project_sink_publisher" {
  count = var.create_project_sink ? 1 : 0

  project = var.project_id
  topic   = google_pubsub_topic.audit_logs.name
  role    = "roles/pubsub.publisher"
  member  = google_logging_project_sink.audit_logs[0].writer_identity
}

# ---------------------------------------------------------------------------------------------------------------------
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

resource "google_project_iam_member" "build_roles" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer"])

  project = var.project_id
  role    = each.value
  member  = google_service_account.build.member
}

resource "google_storage_bucket_iam_member" "build_source_reader" {
  bucket = google_storage_bucket.source.name
  role   = "roles/storage.objectViewer"
  member = google_service_account.build.member
}

# ---------------------------------------------------------------------------------------------------------------------
# The function: the deployment jar, zipped, in a private bucket; built by Cloud Build on the java21 runtime (the jar
# is Java 17 bytecode).

resource "google_storage_bucket" "source" {
  project                     = var.project_id
  name                        = "${var.project_id}-${var.name_prefix}-source"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = true
  labels                      = var.labels
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
    runtime         = "java21"
    entry_point     = local.entry_point
    service_account = google_service_account.build.id

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
      for_each = var.secret_environment

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

  depends_on = [
    google_project_service.apis,
    google_project_iam_member.build_roles,
    google_storage_bucket_iam_member.build_source_reader,
    google_secret_manager_secret_iam_member.runtime_secret_access,
  ]
}

resource "google_cloud_run_service_iam_member" "push_invoker" {
  project  = var.project_id
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = google_service_account.push.member
}

# ---------------------------------------------------------------------------------------------------------------------
# Delivery: our own push subscription, so retries and dead-lettering are declared here. A non-2xx answer (a sink
# failure that may pass, or an unreadable message) is retried with backoff; after max_delivery_attempts the message
# moves to the dead-letter topic. It never expires, however quiet the topic stays.

resource "google_pubsub_subscription" "push" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-push"
  topic                      = google_pubsub_topic.audit_logs.id
  ack_deadline_seconds       = var.function_timeout_seconds + 30
  message_retention_duration = "604800s"
  labels                     = var.labels

  push_config {
    push_endpoint = google_cloudfunctions2_function.this.service_config[0].uri

    oidc_token {
      service_account_email = google_service_account.push.email
      audience              = google_cloudfunctions2_function.this.service_config[0].uri
    }
  }

  retry_policy {
    minimum_backoff = "10s"
    maximum_backoff = "600s"
  }

  dead_letter_policy {
    dead_letter_topic     = google_pubsub_topic.dead_letter.id
    max_delivery_attempts = var.max_delivery_attempts
  }

  expiration_policy {
    ttl = ""
  }

  depends_on = [google_cloud_run_service_iam_member.push_invoker]
}

# The Pub/Sub service agent forwards undeliverable messages: it publishes to the dead-letter topic and acknowledges
# them on the source subscription.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  project = var.project_id
  topic   = google_pubsub_topic.dead_letter.name
  role    = "roles/pubsub.publisher"
  member  = local.pubsub_service_agent
}

resource "google_pubsub_subscription_iam_member" "dead_letter_subscriber" {
  project      = var.project_id
  subscription = google_pubsub_subscription.push.name
  role         = "roles/pubsub.subscriber"
  member       = local.pubsub_service_agent
}

resource "google_service_account_iam_member" "pubsub_token_creator" {
  count = var.grant_pubsub_token_creator ? 1 : 0

  service_account_id = google_service_account.push.name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = local.pubsub_service_agent
}

# ---------------------------------------------------------------------------------------------------------------------
# Alerting on Firewatch itself: failed invocations (every non-2xx answer is a sink failure or an unreadable message)
# and messages waiting in the dead-letter subscription.

resource "google_monitoring_alert_policy" "function_errors" {
  project               = var.project_id
  display_name          = "Firewatch: function failures (${local.function_name})"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "Non-2xx answers to Pub/Sub push requests"

    condition_threshold {
      filter          = "resource.type = \"cloud_run_revision\" AND resource.labels.service_name = \"${local.function_name}\" AND metric.type = \"run.googleapis.com/request_count\" AND metric.labels.response_code_class = one_of(\"4xx\", \"5xx\")"
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_SUM"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "Firewatch answered Pub/Sub with an error: an alert sink failed (the message is retried) or a message could not be read (it will reach the dead-letter topic). The function's ERROR log lines name the event and message ids."
  }

  depends_on = [google_project_service.apis]
}

resource "google_monitoring_alert_policy" "dead_letter_backlog" {
  project               = var.project_id
  display_name          = "Firewatch: dead-lettered audit log messages (${google_pubsub_subscription.dead_letter.name})"
  combiner              = "OR"
  notification_channels = var.notification_channels

  conditions {
    display_name = "Messages in the dead-letter subscription"

    condition_threshold {
      filter          = "resource.type = \"pubsub_subscription\" AND resource.labels.subscription_id = \"${google_pubsub_subscription.dead_letter.name}\" AND metric.type = \"pubsub.googleapis.com/subscription/num_undelivered_messages\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_MAX"
      }
    }
  }

  documentation {
    mime_type = "text/markdown"
    content   = "Audit log entries Firewatch could not process after every delivery attempt are waiting in the dead-letter subscription. Their firewall changes were NOT alerted on: read them (gcloud pubsub subscriptions pull), fix the cause, and republish them to the audit-logs topic."
  }

  depends_on = [google_project_service.apis]
}
