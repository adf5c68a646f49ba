output "function_app_name" {
  value = module.firewatch.function_app_name
}

output "system_topics" {
  value = {
    central    = module.firewatch.system_topic_name
    workload_a = module.workload_a.system_topic_name
    workload_b = module.workload_b.system_topic_name
  }
}
