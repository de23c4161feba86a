// The floor of an action's start-up on the product's toolkit: the least a `blue-green status` run on
// @actions/core and @azure/arm-appcontainers does before its first ARM request, with nothing of the product's own
// but the token endpoint and form of src/azure/entra.ts (no settings checks, no spec, no reports, no state
// machine). It reads the same INPUT_* variables, asks GitHub for one OIDC token (core.getIDToken), exchanges it at
// Entra's token endpoint in one POST over the SDK's pipeline, and reads the app once. bench/startup.ts bundles it
// with ncc and runs it beside the action's own bundle.
import * as core from '@actions/core';
import { ContainerAppsAPIClient } from '@azure/arm-appcontainers';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
} from '@azure/core-rest-pipeline';
import { tokenEndpoint, tokenRequestForm } from '../../src/azure/entra.js';

const arm = core.getInput('arm-endpoint');
const scope = `${arm}/.default`;
const http = createDefaultHttpClient();
const pipeline = createPipelineFromOptions({});
const credential = {
  async getToken() {
    const assertion = await core.getIDToken('api://AzureADTokenExchange');
    const res = await pipeline.sendRequest(
      http,
      createPipelineRequest({
        url: tokenEndpoint(core.getInput('authority-host'), core.getInput('tenant-id')),
        method: 'POST',
        headers: createHttpHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: tokenRequestForm(core.getInput('client-id'), scope, assertion),
      }),
    );
    const body = JSON.parse(res.bodyAsText ?? '{}') as { access_token: string; expires_in: number };
    return { token: body.access_token, expiresOnTimestamp: Date.now() + body.expires_in * 1000 };
  },
};
const client = new ContainerAppsAPIClient(credential, core.getInput('subscription-id'), {
  endpoint: arm,
  credentials: { scopes: [scope] },
});
const app = await client.containerApps.get(core.getInput('resource-group'), core.getInput('app'));
core.setOutput('active-revision', app.latestRevisionName ?? '');
