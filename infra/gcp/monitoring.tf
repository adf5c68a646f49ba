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
