output "sink_writer_identity" {
  description = "Identity the aggregated sink writes as (granted publish on the topic)."
  value       = google_pubsub_topic_iam_member.sink_publisher.member
}

output "dead_letter_subscription" {
  description = "Where undeliverable audit log messages wait for an operator."
  value       = module.firewatch.dead_letter_subscription
}
