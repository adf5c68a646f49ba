variable "security_project_id" {
  description = "Central project that runs Firewatch and receives the logs."
  type        = string
}

variable "region" {
  description = "Region of the function."
  type        = string
  default     = "europe-west1"
}

variable "org_id" {
  description = "Numeric organization id for an organization-wide sink; null to watch a folder instead."
  type        = string
  default     = null
}

variable "folder_id" {
  description = "Folder id (folders/123 or 123) for a folder-wide sink; used when org_id is null."
  type        = string
  default     = null

  validation {
    condition     = var.folder_id == null || can(regex("^(folders/)?[0-9]+$", var.folder_id))
    error_message = "folder_id must be folders/<number> or the bare number."
  }
}

variable "teams_webhook_secret" {
  description = "Secret Manager secret (in the security project) holding the Teams Workflows webhook URL."
  type        = string
  default     = "firewatch-teams-webhook"
}

variable "notification_channels" {
  description = "Cloud Monitoring notification channels for failures of Firewatch itself."
  type        = list(string)
  default     = []
}

variable "alert_emails" {
  description = "Who hears about failures of Firewatch itself (function errors, dead letters, export errors)."
  type        = list(string)
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

variable "watched_project_ids" {
  description = "Projects the automatic response may act in (ignored with response_mode = off); null means the security project only."
  type        = list(string)
  default     = null
}
