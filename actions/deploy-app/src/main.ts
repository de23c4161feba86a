import { actionInputs, NotImplementedError, runAction } from '../../../src/action.js';
import { readAzureSettings } from '../../../src/azure.js';
import { required } from '../../../src/inputs.js';

await runAction(async () => {
  readAzureSettings(actionInputs);
  required('resource-group', actionInputs('resource-group'));
  required(
    'image',
    actionInputs('image'),
    'required: the image to deploy, by digest (registry/repository@sha256:...)',
  );
  throw new NotImplementedError('deploy-app');
});
