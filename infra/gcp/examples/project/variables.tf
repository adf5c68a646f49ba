variable "project_id" {
  description = "Project to watch, where Firewatch also runs."
  type        = string
}

variable "region" {
  description = "Region of the function."
  type        = string
  default     = "europe-west1"
}

variable "alert_email" {
  description = "Recipients of the Firewatch alerts (comma-separated)."
  type        = string
}

variable "notification_channels" {
  description = "Cloud Monitoring notification channels for failures of Firewatch itself."
  type        = list(string)
  default     = []
}
