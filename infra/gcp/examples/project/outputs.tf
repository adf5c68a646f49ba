output "function_uri" {
  description = "URL the push subscription delivers to."
  value       = module.firewatch.function_uri
}

output "dead_letter_subscription" {
  description = "Where undeliverable audit log messages wait for an operator."
  value       = module.firewatch.dead_letter_subscription
}

output "dead_letter_topic_id" {
  description = "Topic to which messages are republished after a fix."
  value       = module.firewatch.dead_letter_topic_id
}

output "topic_id" {
  description = "Topic the project sink writes to (republish dead letters here)."
  value       = module.firewatch.topic_id
}

output "dedup_database" {
  description = "Firestore database holding the delivery claims."
  value       = module.firewatch.dedup_database
}
