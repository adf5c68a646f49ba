output "function_app_name" {
  value = module.firewatch.function_app_name
}

output "resource_group_name" {
  description = "Resource group of the function app (az functionapp deployment source config-zip -g)."
  value       = module.firewatch.resource_group_name
}
