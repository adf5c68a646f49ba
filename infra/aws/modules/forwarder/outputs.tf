output "role_arn" {
  description = "ARN of the role EventBridge uses to put events on the central bus."
  value       = aws_iam_role.forward.arn
}

output "rule_arns" {
  description = "ARNs of the forwarding rules, by \"region/source\"."
  value       = { for key, rule in aws_cloudwatch_event_rule.forward : key => rule.arn }
}

output "dead_letter_queue_arns" {
  description = "Dead-letter queue of each region, for events the central bus did not accept (by region)."
  value       = { for region, queue in aws_sqs_queue.dead_letters : region => queue.arn }
}

output "dead_letter_queue_urls" {
  description = "URL of each region's dead-letter queue (by region), for the re-send commands in the README."
  value       = { for region, queue in aws_sqs_queue.dead_letters : region => queue.id }
}

output "alarm_topic_arns" {
  description = "Topic each region's forwarder alarms notify (by region)."
  value       = { for region, topic in aws_sns_topic.alarms : region => topic.arn }
}
