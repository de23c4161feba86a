// The long messages of the Azure sign-in and inputs, built from their values (out of the control flow).

/** Entra refused a token request (`error`: its OAuth error code, when it gave one). */
export function entraRefusedMessage(
  clientId: string,
  status: number,
  error: string,
  description: string,
): string {
  const http = `HTTP ${status}${error ? ` ${error}` : ''}`;
  return `Entra ID refused the token request of the app registration ${clientId} (${http}): ${description}`;
}

/** A token asked for another tenant than the one the credential signs in to. */
export function otherTenantMessage(asked: string, tenantId: string): string {
  return (
    `A token for the tenant ${asked} was asked for; the credential signs in to the tenant ${tenantId} only ` +
    `(the tenant-id input).`
  );
}

/** The standard token endpoint answered 404 and the OpenID configuration names no usable one. */
export function noTokenEndpointMessage(
  tenantId: string,
  authorityHost: string,
  endpoint: string,
  configuration: string,
  problem: string,
): string {
  return (
    `Entra ID has no usable token endpoint for the tenant ${tenantId} at ${authorityHost} ` +
    `(the authority-host and tenant-id inputs): ${endpoint} answered 404 and its OpenID configuration ` +
    `${configuration} gave ${problem}; nothing was sent to it`
  );
}

export const TENANT_REQUIRED =
  'required when client-id is given (GitHub OIDC needs the tenant of the app registration; ' +
  'the input, or AZURE_TENANT_ID)';

export const AUDIENCE_ALLOWED =
  'allowed: the audience of the federated credential, one token of at most 600 characters without spaces ' +
  '(default api://AzureADTokenExchange)';
