variable "region" {
  description = "Processing region: the function, the central bus and the buffer queue."
  type        = string
  default     = "eu-west-1"
}

variable "forwarded_regions" {
  description = "Every other region in use; us-east-1 always (global WAF calls are logged there)."
  type        = list(string)
  default     = ["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2"]

  validation {
    condition     = contains(var.forwarded_regions, "us-east-1")
    error_message = "forwarded_regions must include us-east-1 (unless it is the processing region, then drop this check)."
  }
}

variable "package_path" {
  description = "The Lambda deployment package built by ./mvnw -B package."
  type        = string
  default     = "../../../../aws-lambda/target/firewatch-aws-lambda.jar"
}

variable "alert_emails" {
  description = "Who receives the alerts (and the forwarders' alarms) by email; each address confirms its subscription."
  type        = list(string)
}
