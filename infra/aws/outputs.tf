output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified ARN of the Lambda function."
  value       = aws_lambda_function.this.arn
}

output "function_version" {
  description = "Version published by the last apply (the one SnapStart snapshotted)."
  value       = aws_lambda_function.this.version
}

output "alias_arn" {
  description = "ARN of the alias the queue invokes."
  value       = aws_lambda_alias.live.arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.function.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the function (one JSON object per line)."
  value       = aws_cloudwatch_log_group.function.name
}

output "queue_arn" {
  description = "ARN of the SQS buffer between EventBridge and the function."
  value       = aws_sqs_queue.events.arn
}

output "queue_url" {
  description = "URL of the SQS buffer."
  value       = aws_sqs_queue.events.id
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue (events that could not be read, judged or delivered)."
  value       = aws_sqs_queue.dead_letters.arn
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue."
  value       = aws_sqs_queue.dead_letters.id
}

output "topic_arn" {
  description = "ARN of the SNS topic alerts are published to."
  value       = aws_sns_topic.alerts.arn
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the topic."
  value       = aws_kms_key.alerts.arn
}

output "event_rule_arns" {
  description = "ARNs of the rules on this region's default bus, by event source."
  value       = { for key, rule in aws_cloudwatch_event_rule.api_calls : key => rule.arn }
}

output "event_bus_arn" {
  description = "ARN of the central event bus, or null when none was created."
  value       = try(aws_cloudwatch_event_bus.central[0].arn, null)
}

output "event_patterns" {
  description = "The event patterns by event source, for forwarding rules in other regions and accounts (modules/forwarder)."
  value       = local.event_patterns
}

output "dedup_table_name" {
  description = "DynamoDB table of delivery claims (FIREWATCH_DEDUP_TABLE), or null with dedup_enabled = false."
  value       = try(aws_dynamodb_table.dedup[0].name, null)
}

output "dedup_table_arn" {
  description = "ARN of the delivery-claim table, or null."
  value       = try(aws_dynamodb_table.dedup[0].arn, null)
}
