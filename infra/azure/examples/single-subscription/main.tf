# Firewatch watching the subscription it runs in.
#
#   ./mvnw -B package -pl azure-function -am
#   (cd azure-function/target/azure-functions/firewatch && zip -r ../firewatch.zip .)
#   terraform apply -var subscription_id=...; az functionapp deployment source config-zip --src firewatch.zip ...;
#   terraform apply -var subscription_id=... -var function_deployed=true

terraform {
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
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.5"
    }
  }
}

provider "azurerm" {
  subscription_id = var.subscription_id

  # azurerm 5 registers nothing by itself: these are the resource providers Firewatch uses.
  resource_provider_registrations = "none"
  resource_providers_to_register = [
    "Microsoft.EventGrid",
    "Microsoft.EventHub",
    "Microsoft.Insights",
    "Microsoft.KeyVault",
    "Microsoft.OperationalInsights",
    "Microsoft.Storage",
    "Microsoft.Web",
  ]

  features {}
}

module "firewatch" {
  source = "../.."

  location          = "westeurope"
  teams_webhook_url = var.teams_webhook_url
  function_deployed = var.function_deployed
  alert_emails      = var.alert_emails
}

