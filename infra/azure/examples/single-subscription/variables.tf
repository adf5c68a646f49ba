variable "subscription_id" {
  type = string
}

variable "teams_webhook_url" {
  type      = string
  default   = null
  sensitive = true
}

variable "function_deployed" {
  description = "true on the second apply, once the package was published with one deploy."
  type        = bool
  default     = false
}

variable "alert_emails" {
  description = "Who hears about dead-lettered or dropped events and failed invocations."
  type        = list(string)
  default     = []
}
