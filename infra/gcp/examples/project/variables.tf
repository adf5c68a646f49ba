variable "project_id" {
  description = "Project to watch, where Firewatch also runs."
  type        = string
}

variable "region" {
  description = "Region of the function."
  type        = string
  default     = "europe-west1"
}

variable "alert_emails" {
  description = "Who receives the Firewatch alerts by email, and hears about failures of Firewatch itself."
  type        = list(string)

  validation {
    condition     = length(var.alert_emails) > 0
    error_message = "alert_emails must name at least one address."
  }
}

variable "notification_channels" {
  description = "Cloud Monitoring notification channels for failures of Firewatch itself."
  type        = list(string)
  default     = []
}

variable "response_mode" {
  description = "Automatic response: off, dry-run or enforce (see the module's README before enforce)."
  type        = string
  default     = "off"

  validation {
    condition     = contains(["off", "dry-run", "enforce"], var.response_mode)
    error_message = "response_mode must be off, dry-run or enforce."
  }
}
