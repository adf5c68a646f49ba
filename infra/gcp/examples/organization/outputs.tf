output "sink_writer_identity" {
  description = "Identity the aggregated sink writes as (granted publish on the topic)."
  value       = google_pubsub_topic_iam_member.sink_publisher.member
}

output "dead_letter_subscription" {
  description = "Where undeliverable audit log messages wait for an operator."
  value       = module.firewatch.dead_letter_subscription
}

output "topic_id" {
  description = "Topic the aggregated sink writes to (republish dead letters here)."
  value       = module.firewatch.topic_id
}

output "notification_channels" {
  description = "Channels told about failures of Firewatch itself."
  value       = module.firewatch.notification_channels
}
