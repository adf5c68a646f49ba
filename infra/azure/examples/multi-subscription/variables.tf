variable "central_subscription_id" {
  description = "Subscription hosting the function app."
  type        = string
}

variable "workload_a_subscription_id" {
  type = string
}

variable "workload_b_subscription_id" {
  type = string
}

variable "location" {
  type    = string
  default = "westeurope"
}

variable "function_deployed" {
  description = "True once the package was published out of band."
  type        = bool
  default     = false
}

variable "export_activity_log" {
  type    = bool
  default = true
}

variable "teams_webhook_url" {
  type      = string
  default   = null
  sensitive = true
}

variable "workload_b_existing_topic" {
  description = "Workload B already has a system topic for its subscription (e.g. Default-EventGrid): attach to it."
  type = object({
    name                = string
    resource_group_name = string
    principal_id        = optional(string)
  })
  default = null
}
