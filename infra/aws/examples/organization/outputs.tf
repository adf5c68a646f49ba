output "central_bus_arn" {
  description = "The central bus the member accounts forward to."
  value       = module.firewatch.event_bus_arn
}

output "topic_arn" {
  description = "SNS topic of the alerts."
  value       = module.firewatch.topic_arn
}

output "member_dead_letter_queue_urls" {
  description = "Dead letters of the member account, by region."
  value       = module.member_forwarder.dead_letter_queue_urls
}
