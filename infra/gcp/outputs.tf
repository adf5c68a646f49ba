output "topic_id" {
  description = "Topic the log sinks write to (projects/<project>/topics/<name>)."
  value       = google_pubsub_topic.audit_logs.id
}

output "topic_name" {
  description = "Short name of the audit-logs topic, for IAM grants to further sinks."
  value       = google_pubsub_topic.audit_logs.name
}

output "log_filter" {
  description = "The sink filter selecting the catalogue's firewall operations; use it for organization and folder sinks."
  value       = local.log_filter
}

output "project_sink_writer_identity" {
  description = "Writer identity of the project sink (null without it)."
  value       = var.create_project_sink ? google_logging_project_sink.audit_logs[0].writer_identity : null
}

output "function_name" {
  description = "Name of the Cloud Function (and of its Cloud Run service)."
  value       = google_cloudfunctions2_function.this.name
}

output "function_uri" {
  description = "URL the push subscription delivers to."
  value       = google_cloudfunctions2_function.this.service_config[0].uri
}

output "push_subscription" {
  description = "Push subscription feeding the function."
  value       = google_pubsub_subscription.push.id
}

output "dead_letter_topic_id" {
  description = "Topic that receives messages after max_delivery_attempts."
  value       = google_pubsub_topic.dead_letter.id
}

output "dead_letter_subscription" {
  description = "Subscription holding the dead-lettered messages, for inspection and replay."
  value       = google_pubsub_subscription.dead_letter.id
}

output "runtime_service_account" {
  description = "Service account the function runs as."
  value       = google_service_account.runtime.email
}

output "push_service_account" {
  description = "Service account whose OIDC token Pub/Sub sends with each push."
  value       = google_service_account.push.email
}

output "dedup_database" {
  description = "Firestore database of the delivery claims (FIREWATCH_DEDUP_DATABASE), or null with dedup_enabled = false."
  value       = var.dedup_enabled ? local.dedup_database : null
}

output "dedup_collection" {
  description = "Collection of the delivery claims (FIREWATCH_DEDUP_COLLECTION), or null with dedup_enabled = false."
  value       = var.dedup_enabled ? var.dedup_collection : null
}

output "notification_channels" {
  description = "Every channel the alert policies on Firewatch itself notify."
  value       = local.notification_channels
}

output "artifact_repository" {
  description = "Artifact Registry repository the function's image is built into."
  value       = google_artifact_registry_repository.functions.id
}
