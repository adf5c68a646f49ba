output "function_uri" {
  description = "URL the push subscription delivers to."
  value       = module.firewatch.function_uri
}

output "dead_letter_subscription" {
  description = "Where undeliverable audit log messages wait for an operator."
  value       = module.firewatch.dead_letter_subscription
}
