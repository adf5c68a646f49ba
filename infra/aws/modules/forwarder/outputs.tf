output "role_arn" {
  description = "ARN of the role EventBridge uses to put events on the central bus."
  value       = aws_iam_role.forward.arn
}

output "rule_arns" {
  description = "ARNs of the forwarding rules, by \"region/source\"."
  value       = { for key, rule in aws_cloudwatch_event_rule.forward : key => rule.arn }
}
