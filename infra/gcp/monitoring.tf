# Alerting on Firewatch itself: failed invocations (every non-2xx answer is a sink failure or an unreadable message),
# messages waiting in the dead-letter subscription, and log entries the sinks could not export. Each policy notifies
# the channels given and an email channel per alert_emails address; the module refuses to deploy with neither.

resource "google_monitoring_notification_channel" "email" {
  for_each = toset(var.alert_emails)

  project      = var.project_id
  display_name = "Firewatch: ${each.value}"
  type         = "email"
  labels       = { email_address = each.value }

  depends_on = [google_project_service.apis]
}

locals {
  notification_channels = concat(var.notification_channels, [for channel in google_monitoring_notification_channel.email : channel.id])
}

resource "google_monitoring_alert_policy" "function_errors" {
  project               = var.project_id
  display_name          = "Firewatch: function failures (${local.function_name})"
  combiner              = "OR"
  notification_channels = local.notification_channels

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

  lifecycle {
    precondition {
      condition     = length(var.notification_channels) + length(var.alert_emails) > 0
      error_message = "Give notification_channels or alert_emails: without a channel, no one hears that Firewatch fails or dead-letters a firewall change."
    }
  }

  depends_on = [google_project_service.apis]
}

resource "google_monitoring_alert_policy" "dead_letter_backlog" {
  project               = var.project_id
  display_name          = "Firewatch: dead-lettered audit log messages (${google_pubsub_subscription.dead_letter.name})"
  combiner              = "OR"
  notification_channels = local.notification_channels

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
    content   = "Audit log entries Firewatch could not process after every delivery attempt are waiting in the dead-letter subscription (kept 31 days). Their firewall changes were NOT alerted on: read them, fix the cause, and republish them to the audit-logs topic (infra/gcp README, Dead letters)."
  }

  # While dead letters wait, the incident stays open and is re-announced every 30 minutes.
  alert_strategy {
    notification_prompts = ["OPENED", "CLOSED"]

    notification_channel_strategy {
      notification_channel_names = local.notification_channels
      renotify_interval          = "1800s"
    }
  }

  depends_on = [google_project_service.apis]
}

# A sink that cannot write to the topic (a missing or not yet propagated publisher grant, a deleted topic) drops the
# entries it could not export: they never reach Firewatch. Any export error in this project is worth a look.
resource "google_monitoring_alert_policy" "log_export_errors" {
  project               = var.project_id
  display_name          = "Firewatch: audit log entries not exported to ${google_pubsub_topic.audit_logs.name}"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "Log sink export errors"

    condition_threshold {
      filter          = "metric.type = \"logging.googleapis.com/exports/error_count\""
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
    content   = "A log sink in this project failed to export entries. If it is Firewatch's sink, firewall changes in that window were NOT alerted on: check the sink's writer identity has roles/pubsub.publisher on the topic, then look the changes up in Logs Explorer with the module's log_filter output for the window of the errors."
  }

  depends_on = [google_project_service.apis]
}
