terraform {
  # 1.11: write-only arguments keep the Teams URL and SMTP password out of the state.
  required_version = ">= 1.11"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 5.0"
    }
    time = {
      source  = "hashicorp/time"
      version = "~> 0.13"
    }
    # 2.5: write-only sensitive_body with sensitive_body_version, for the Key Vault secrets written through ARM.
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}
