output "topic_arn" {
  description = "SNS topic of the alerts."
  value       = module.firewatch.topic_arn
}

output "dead_letter_queue_url" {
  description = "Dead letters of the processing region (redrive to queue_arn)."
  value       = module.firewatch.dead_letter_queue_url
}

output "queue_arn" {
  description = "The buffer queue: destination of redrives."
  value       = module.firewatch.queue_arn
}

output "forwarder_dead_letter_queue_urls" {
  description = "Dead letters of each forwarding region."
  value       = module.forward_regions.dead_letter_queue_urls
}
