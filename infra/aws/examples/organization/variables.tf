variable "region" {
  description = "Processing region of the security account."
  type        = string
  default     = "eu-west-1"
}

variable "organization_id" {
  description = "AWS Organizations id (o-...): every account of it may put events on the central bus."
  type        = string
  default     = "o-a1b2c3d4e5"

  validation {
    condition     = can(regex("^o-[a-z0-9]{10,32}$", var.organization_id))
    error_message = "organization_id must look like o-a1b2c3d4e5."
  }
}

variable "member_role_arn" {
  description = "Role the member account's forwarder is applied through."
  type        = string
  default     = "arn:aws:iam::444455556666:role/OrganizationAccountAccessRole"
}

variable "member_regions" {
  description = "Every region the member account uses, the processing region and us-east-1 included."
  type        = list(string)
  default     = ["us-east-1", "eu-west-1", "eu-central-1"]
}

variable "package_path" {
  description = "The Lambda deployment package built by ./mvnw -B package."
  type        = string
  default     = "../../../../aws-lambda/target/firewatch-aws-lambda.jar"
}

variable "alert_emails" {
  description = "Who receives the alerts (and the member's forwarder alarms) by email; each address confirms its subscription."
  type        = list(string)
}

variable "teams_webhook_url_secret_arn" {
  description = "Secrets Manager secret (security account) with the Teams Workflows webhook URL; null for no Teams."
  type        = string
  default     = null
}
