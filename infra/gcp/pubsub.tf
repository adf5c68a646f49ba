locals {
  # The Pub/Sub service agent of this project: it forwards dead letters and mints the push requests' OIDC tokens.
  pubsub_service_agent = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

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

# Dead letters are kept 31 days, Pub/Sub's maximum, and the alert policy on them re-notifies while any wait.
resource "google_pubsub_subscription" "dead_letter" {
  project                    = var.project_id
  name                       = "${var.name_prefix}-dead-letter"
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "2678400s"
  ack_deadline_seconds       = 60
  labels                     = var.labels

  expiration_policy {
    ttl = ""
  }
}

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

  depends_on = [time_sleep.service_agent_grants]
}

# Pub/Sub uses its grants from the first delivery on: the invoker grant and (old projects) the token creator grant
# for the OIDC token, the publisher grant on the dead-letter topic. Wait until IAM has propagated them.
resource "time_sleep" "service_agent_grants" {
  create_duration = var.iam_propagation_wait

  depends_on = [
    google_cloud_run_service_iam_member.push_invoker,
    google_pubsub_topic_iam_member.dead_letter_publisher,
    google_service_account_iam_member.pubsub_token_creator,
  ]
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

